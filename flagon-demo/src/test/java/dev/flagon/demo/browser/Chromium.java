package dev.flagon.demo.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.net.PortProber;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both at fixed local paths so that Selenium
 * Manager is never asked to find or download anything (Selenium skips it when the service names the driver
 * executable and the options name the browser binary).
 *
 * <p>Each browser runs on a profile directory that the test owns: a fresh one per test, or the same one
 * across {@link #restart} to see what survives a browser restart. Cookies are read and written through the
 * DevTools protocol (chromedriver's {@code executeCdpCommand}), which sees HttpOnly cookies and needs none
 * of Selenium's per-version DevTools bindings.
 */
final class Chromium {
  /** Where Debian's {@code chromium} package puts the browser; {@code -Dflagon.chromium=...} overrides. */
  static final Path BROWSER = Path.of(System.getProperty("flagon.chromium", "/usr/bin/chromium"));
  /** Where Debian's {@code chromium-driver} puts chromedriver; {@code -Dflagon.chromedriver=...} too. */
  static final Path DRIVER = Path.of(System.getProperty("flagon.chromedriver", "/usr/bin/chromedriver"));

  private static final Duration DRIVER_START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(40);
  private static final Duration PROFILE_RELEASE_TIMEOUT = Duration.ofSeconds(15);

  // ChromiumDriver looks for Selenium's DevTools bindings of this exact Chromium version and warns when it
  // has none; these tests use chromedriver's CDP pass-through only, which needs no bindings. The logger is
  // held here because java.util.logging forgets the level of a logger that nothing references.
  private static final Logger CDP_VERSION_LOGGER =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOGGER.setLevel(Level.SEVERE);
  }

  private Chromium() {}

  /**
   * Makes sure the browser and its driver are installed. Under CI ({@code CI} set, and not {@code false}
   * or {@code 0}) a missing one fails the test, so that CI never passes by skipping the browser tests;
   * elsewhere the test is skipped with the same explanation.
   */
  static void requireInstalled() {
    StringBuilder missing = new StringBuilder();
    for (Path executable : List.of(BROWSER, DRIVER)) {
      if (!Files.isExecutable(executable)) {
        missing.append(' ').append(executable);
      }
    }
    if (missing.length() == 0) {
      return;
    }
    String message = "The browser tests need Debian's Chromium and chromedriver; missing:" + missing
        + ". Install them with: apt-get install -y chromium chromium-driver";
    if (runningInCi()) {
      fail("CI is set, so the browser tests must run, but they cannot. " + message);
    }
    Assumptions.abort(message);
  }

  private static boolean runningInCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }

  /** Starts a headless browser on {@code profile} (created if missing); stop it with {@link #quit}. */
  static ChromeDriver start(Path profile) throws IOException {
    Files.createDirectories(profile);
    // The service's constructor rather than its Builder: javac warns about the Builder's @AutoService,
    // whose annotation type is not on the test classpath.
    int port = PortProber.findFreePort();
    ChromeDriverService service = new ChromeDriverService(
        DRIVER.toFile(), port, DRIVER_START_TIMEOUT, List.of("--port=" + port), Map.of());
    service.sendOutputTo(OutputStream.nullOutputStream());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // the tests run as root
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=960,640",
        "--user-data-dir=" + profile.toAbsolutePath());
    // On startup open the New Tab page (Chromium's default, stated here because the tests depend on it):
    // with "Continue where you left off" (1) Chromium restores session cookies after a restart, and a
    // plain login would survive it.
    options.setExperimentalOption("prefs", Map.of("session.restore_on_startup", 5));
    options.setPageLoadTimeout(PAGE_LOAD_TIMEOUT);
    options.setScriptTimeout(SCRIPT_TIMEOUT);
    // Every WebDriver command answers within this (Selenium's default is 3 minutes), quit included.
    ClientConfig client = ClientConfig.defaultConfig().readTimeout(COMMAND_TIMEOUT);
    ChromeDriver driver = new ChromeDriver(service, options, client);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  /**
   * Quits the browser and waits until Chromium has released the profile. Chromium removes its
   * {@code SingletonLock} only at the end of an orderly shutdown, after its cookie store is on disk; a
   * profile still locked after the timeout fails the test rather than handing the next browser a
   * half-written profile.
   */
  static void quit(ChromeDriver driver, Path profile) throws InterruptedException {
    driver.quit();
    Path lock = profile.resolve("SingletonLock");
    long deadline = System.nanoTime() + PROFILE_RELEASE_TIMEOUT.toNanos();
    while (Files.exists(lock, LinkOption.NOFOLLOW_LINKS)) {
      if (System.nanoTime() - deadline > 0) {
        fail("Chromium did not release its profile " + profile + " within " + PROFILE_RELEASE_TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  /** Quits {@code driver} and starts a new browser on the same profile, as a user's restart does. */
  static ChromeDriver restart(ChromeDriver driver, Path profile) throws IOException, InterruptedException {
    quit(driver, profile);
    return start(profile);
  }

  /** The browser's cookies for {@code url}, HttpOnly ones included, as DevTools reports them. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cookies(ChromeDriver driver, String url) {
    Map<String, Object> result = driver.executeCdpCommand("Network.getCookies", Map.of("urls", List.of(url)));
    return (List<Map<String, Object>>) result.get("cookies");
  }

  /** The one cookie named {@code name} for {@code url}; fails if there is none or more than one. */
  static Map<String, Object> cookie(ChromeDriver driver, String url, String name) {
    List<Map<String, Object>> named =
        cookies(driver, url).stream().filter(c -> name.equals(c.get("name"))).toList();
    if (named.size() != 1) {
      fail("expected one cookie named " + name + " for " + url + ", the browser has " + named);
    }
    return named.get(0);
  }

  /**
   * Replaces {@code cookie} (as {@link #cookies} reports it) with the same cookie holding {@code value}.
   * Selenium's {@code addCookie} goes through the page and so cannot write an HttpOnly cookie; DevTools
   * writes it as a server's {@code Set-Cookie} would.
   */
  static void replaceValue(ChromeDriver driver, String url, Map<String, Object> cookie, String value) {
    Map<String, Object> params = new HashMap<>();
    for (String key : List.of("name", "path", "secure", "httpOnly", "sameSite")) {
      if (cookie.containsKey(key)) {
        params.put(key, cookie.get(key));
      }
    }
    if (!Boolean.TRUE.equals(cookie.get("session"))) {
      params.put("expires", cookie.get("expires"));
    }
    params.put("url", url);
    params.put("value", value);
    Map<String, Object> result = driver.executeCdpCommand("Network.setCookie", params);
    if (Boolean.FALSE.equals(result.get("success"))) {
      fail("Chromium refused the cookie " + params + ": " + result);
    }
  }
}
