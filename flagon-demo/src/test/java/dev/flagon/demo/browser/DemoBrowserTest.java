package dev.flagon.demo.browser;

import dev.flagon.demo.InProcessDemo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One demo server and one headless browser per test: the demo on an ephemeral loopback port with a fixed
 * key and an {@link AdjustableClock}, the browser on a fresh profile in a temporary directory that JUnit
 * deletes after the browser has quit.
 */
abstract class DemoBrowserTest {
  /** The name the demo gives its session cookie (Flask's default). */
  static final String COOKIE = "session";

  final AdjustableClock serverClock = new AdjustableClock();
  @TempDir Path profile;
  InProcessDemo demo;
  ChromeDriver driver;
  DemoPage page;

  @BeforeEach
  void startDemoAndBrowser() throws Exception {
    // Checked per test, not per class, so that a skip outside CI shows in the count of skipped tests.
    Chromium.requireInstalled();
    demo = InProcessDemo.start(serverClock);
    driver = Chromium.start(profile);
    page = new DemoPage(driver, demo.baseUrl());
  }

  /** Quits the browser and starts a new one on the same profile, as a user closing and reopening it. */
  void restartBrowser() throws Exception {
    ChromeDriver old = driver;
    driver = null;
    driver = Chromium.restart(old, profile);
    page = new DemoPage(driver, demo.baseUrl());
  }

  /** The URL whose cookies the demo's pages see. */
  String siteUrl() {
    return demo.baseUrl() + "/";
  }

  @AfterEach
  void stopBrowserAndDemo() throws Exception {
    try {
      if (driver != null) {
        Chromium.quit(driver, profile);
      }
    } finally {
      if (demo != null) {
        demo.close();
      }
    }
  }
}
