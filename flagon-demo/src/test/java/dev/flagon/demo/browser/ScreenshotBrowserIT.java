package dev.flagon.demo.browser;

import static dev.flagon.demo.browser.DemoPage.LOGGED_IN;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.OutputType;

/**
 * The picture of the logged-in page that the README shows. Every run writes it to
 * {@code target/demo-logged-in.png}; {@code -Dflagon.updateScreenshot=true} also writes it to
 * {@code docs/demo-logged-in.png} at the repository root, to be committed:
 *
 * <pre>mvn -B -pl flagon-demo verify -Dit.test=ScreenshotBrowserIT -Dflagon.updateScreenshot=true</pre>
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScreenshotBrowserIT extends DemoBrowserTest {
  private static final String NAME = "demo-logged-in.png";

  @Test
  void loggedInPage_screenshot_isWrittenAsPng() throws Exception {
    page.logIn(false);
    assertThat(page.text()).contains(LOGGED_IN);

    byte[] png = driver.getScreenshotAs(OutputType.BYTES);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG image").isNotNull();
    assertThat(image.getWidth()).isGreaterThan(400);
    assertThat(image.getHeight()).isGreaterThan(300);
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve(NAME), png);
    if (Boolean.getBoolean("flagon.updateScreenshot")) {
      Path docs = repositoryRoot().resolve("docs");
      Files.createDirectories(docs);
      Files.write(docs.resolve(NAME), png);
    }
  }

  /** The directory above this module, checked by its layout. */
  private static Path repositoryRoot() {
    Path module = Path.of("").toAbsolutePath();
    Path root = module.getParent();
    assertThat(root.resolve("flagon-demo").resolve("pom.xml"))
        .as("the test runs in flagon-demo, under the repository root").isRegularFile();
    return root;
  }
}
