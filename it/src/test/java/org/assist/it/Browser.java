package org.assist.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through chromedriver, both from Debian's packages: nothing is
 * downloaded, and each browser gets its own empty profile.
 */
final class Browser implements AutoCloseable {
  final WebDriver driver;
  private final WebDriverWait wait;
  private final Path profile;
  final Path downloads;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = profile.resolve("downloads");
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /**
   * Starts Chromium; once more if it did not come up ("chrome not reachable": on a loaded 2-core
   * machine its first start can miss chromedriver's minute).
   */
  static Browser start() {
    try {
      return startOnce();
    } catch (org.openqa.selenium.SessionNotCreatedException e) {
      return startOnce();
    }
  }

  private static Browser startOnce() {
    try {
      Path profile = Files.createTempDirectory("assist-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--no-first-run",
          "--window-size=1366,900",
          "--lang=en-US",
          // the test server's self-signed certificate, trusted by its key as a help desk's
          // administrator would install it: any other certificate is still refused
          "--ignore-certificate-errors-spki-list=" + TestTls.publicKeyHash(),
          "--user-data-dir=" + profile);
      // what the page's scripts log, errors included, for consoleErrors()
      LoggingPreferences logging = new LoggingPreferences();
      logging.enable(LogType.BROWSER, Level.ALL);
      options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "intl.accept_languages",
              "en-US,en",
              "download.default_directory",
              profile.resolve("downloads").toString(),
              "download.prompt_for_download",
              false));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(
                  new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver;
      try {
        driver = new ChromeDriver(service, options);
      } catch (org.openqa.selenium.SessionNotCreatedException e) {
        service.stop();
        throw e;
      }
      // a page or a script that never finishes fails the test
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void open(String path) {
    get(TestServer.URL + path);
  }

  /** Loads a page and waits until it is ready (on a console page: its live connection too). */
  void get(String url) {
    driver.get(url);
    settle();
  }

  void signIn(String username, String password) {
    open("/login.xhtml");
    type(By.id("j_username"), username);
    type(By.id("j_password"), password);
    WebElement button = driver.findElement(By.id("signIn"));
    button.click();
    // the next page (console or login with its error) has loaded before anything else is asked
    wait.until(d -> isGone(button));
    settle();
  }

  /**
   * Whether the page this element was on is gone. Chromium says so either as a stale element or,
   * caught in the middle of the change, as a node that "does not belong to the document".
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  void type(By by, String text) {
    WebElement field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Types into a search box that asks the server {@code delay} ms after the last key, and waits
   * until that last search has come back (a slow machine may have sent one for part of the text).
   */
  void search(By by, String text, long delayMillis) throws InterruptedException {
    type(by, text);
    Thread.sleep(delayMillis + 100);
    settle();
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks, trying again when a live update replaced the element meanwhile. */
  void click(By by) {
    wait.until(
        d -> {
          try {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
              return false;
            }
            element.click();
            return true;
          } catch (org.openqa.selenium.StaleElementReferenceException
              | org.openqa.selenium.NoSuchElementException e) {
            return false;
          }
        });
  }

  /** The element's text, read again if a live update replaced it meanwhile. */
  String text(By by) {
    return wait.until(d -> shownText(d, by));
  }

  void waitForText(By by, String text) {
    wait.until(
        d -> {
          String shown = shownText(d, by);
          return shown != null && shown.contains(text);
        });
  }

  /**
   * The element's text if it is shown; null while it is missing, or was replaced (by a live update
   * or a navigation) between finding and reading it, so the caller looks again.
   */
  private static String shownText(WebDriver driver, By by) {
    try {
      WebElement element = driver.findElement(by);
      return element.isDisplayed() ? element.getText() : null;
    } catch (org.openqa.selenium.StaleElementReferenceException
        | org.openqa.selenium.NoSuchElementException e) {
      return null;
    } catch (org.openqa.selenium.WebDriverException e) {
      // Chromium's wording for an element whose page has just been replaced
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return null;
      }
      throw e;
    }
  }

  /** Waits for a condition on the page, looking again when a live update replaced elements. */
  <T> T waitUntil(Duration timeout, java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** Waits until PrimeFaces has no AJAX request in flight. */
  void settle() {
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "var b = document.body;"
                            + " return document.readyState === 'complete' && b !== null"
                            // a console page reloads its live parts once its push connection opens
                            + " && (!b.hasAttribute('data-push') || b.getAttribute('data-live') === 'open')"
                            + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());"));
  }

  /** GETs an address with this browser's cookies (its sign-in), outside the browser. */
  java.net.http.HttpResponse<byte[]> fetch(String url) {
    String cookies =
        driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(java.util.stream.Collectors.joining("; "));
    try {
      return Http.client()
          .build()
          .send(
              Http.request(url).header("Cookie", cookies).build(),
              java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The downloaded file whose name ends so, once the browser has finished writing it. */
  Path awaitDownload(String ending) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(downloads)) {
        try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
          var done = files.filter(f -> f.toString().endsWith(ending)).findFirst();
          if (done.isPresent()) {
            return done.get();
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("nothing was downloaded");
  }

  /**
   * The errors the browser's console showed since the last call: a script failing, a resource
   * missing (404), a request refused.
   */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Keeps a picture of the page beside the test reports, for when a test fails. */
  void screenshot(String name) {
    try {
      Path target = Path.of(System.getProperty("assist.test.output", "target"), "screenshots");
      Files.createDirectories(target);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(target.resolve(name + ".png"), png);
    } catch (IOException | RuntimeException e) {
      // a missing screenshot must not hide the test's own result
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // the profile is in the temporary folder; leaving it is harmless
      }
    }
  }
}
