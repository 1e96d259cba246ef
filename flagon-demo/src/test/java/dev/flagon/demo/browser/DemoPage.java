package dev.flagon.demo.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/** The demo's pages as a user sees them: what the page says, and the login form and logout control. */
final class DemoPage {
  static final String LOGGED_IN = "Logged in as user 12345";
  static final String NOT_LOGGED_IN = "Not logged in";
  static final String FLASH_LOGGED_IN = "You are logged in";
  static final String FLASH_LOGGED_OUT = "You are logged out";

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final WebDriver driver;
  private final String baseUrl;

  DemoPage(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Loads {@code /}. */
  DemoPage open() {
    driver.get(baseUrl + "/");
    return this;
  }

  /** Reloads the current page. */
  DemoPage reload() {
    driver.navigate().refresh();
    return this;
  }

  /** The visible text of the current page. */
  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Opens {@code /}, sets the "remember me" checkbox as asked and clicks the form's submit button, then
   * waits for the page that follows the redirect to say who is logged in.
   */
  DemoPage logIn(boolean remember) {
    open();
    WebElement checkbox = driver.findElement(By.name("remember"));
    if (checkbox.isSelected() != remember) {
      checkbox.click();
    }
    WebElement form = checkbox.findElement(By.xpath("./ancestor::form"));
    WebElement submit = form.findElement(
        By.cssSelector("button[type=submit], input[type=submit], button:not([type])"));
    WebElement before = driver.findElement(By.tagName("html"));
    submit.click();
    waitForNavigationFrom(before);
    return waitUntilShows(LOGGED_IN);
  }

  /** Clicks the logout link or button and waits for the page that follows. */
  DemoPage logOut() {
    List<WebElement> controls = driver.findElements(By.xpath(
        "//a[contains(@href, 'logout')]"
            + " | //form[contains(@action, 'logout')]//*[self::button or @type='submit']"));
    if (controls.isEmpty()) {
      throw new AssertionError("no logout link or button on the page:\n" + text());
    }
    WebElement before = driver.findElement(By.tagName("html"));
    controls.get(0).click();
    waitForNavigationFrom(before);
    return waitUntilShows(NOT_LOGGED_IN);
  }

  /** Waits until the page's text contains {@code expected}; fails with the page's text otherwise. */
  DemoPage waitUntilShows(String expected) {
    if (!poll(() -> {
      try {
        return text().contains(expected);
      } catch (NoSuchElementException | StaleElementReferenceException e) {
        return false; // between two pages
      } catch (WebDriverException e) {
        if (isNodeOfOldDocument(e)) {
          return false; // between two pages
        }
        throw e;
      }
    })) {
      throw new AssertionError("after " + WAIT.toSeconds() + " s the page at " + driver.getCurrentUrl()
          + " still does not say \"" + expected + "\"; it says:\n" + text());
    }
    return this;
  }

  private void waitForNavigationFrom(WebElement oldDocument) {
    if (!poll(() -> {
      try {
        oldDocument.isEnabled();
        return false;
      } catch (StaleElementReferenceException e) {
        return true;
      } catch (WebDriverException e) {
        if (isNodeOfOldDocument(e)) {
          return true;
        }
        throw e;
      }
    })) {
      throw new AssertionError("the click did not lead to a new page within " + WAIT.toSeconds()
          + " s; the page at " + driver.getCurrentUrl() + " says:\n" + text());
    }
  }

  /**
   * Mid-navigation, Chromium reports a node of the page being left through a generic inspector error
   * rather than as a stale element.
   */
  private static boolean isNodeOfOldDocument(WebDriverException e) {
    return String.valueOf(e.getMessage()).contains("does not belong to the document");
  }

  /** Polls {@code condition} every 100 ms until it holds (true) or {@link #WAIT} has passed (false). */
  private static boolean poll(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the page", e);
      }
    }
  }
}
