package org.assist.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * A test class that drives one headless Chromium for all its tests, and keeps a screenshot of each
 * test's last page in {@code it/target/screenshots/}.
 */
abstract class BrowserTest {
  protected static Browser browser;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void closeBrowser() {
    browser.close();
  }

  @AfterEach
  void keepPicture(TestInfo test) {
    browser.screenshot(
        getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
  }
}
