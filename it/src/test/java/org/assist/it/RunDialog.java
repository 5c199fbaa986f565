package org.assist.it;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The "Run scripts" dialog, as a technician fills it in. */
final class RunDialog {
  private RunDialog() {}

  /** Picks the script of this name and adds it to the run. */
  static void choose(Browser browser, String name) {
    browser.click(By.id("runDialogForm:pick"));
    browser.type(By.id("runDialogForm:pick_filter"), name);
    browser.click(By.xpath("//li[@data-label='" + name + "']"));
    browser.click(By.id("runDialogForm:add"));
    browser.settle();
  }

  /** Adds a restart of the computer to the run. */
  static void addRestart(Browser browser) {
    browser.click(By.id("runDialogForm:addRestart"));
    browser.settle();
  }

  /** The run's steps as listed, in order. */
  static List<String> chosen(Browser browser) {
    return browser.waitUntil(
        Duration.ofSeconds(10),
        d ->
            d.findElements(By.cssSelector(".chosen-name")).stream()
                .map(WebElement::getText)
                .map(n -> n.replaceAll(" [0-9a-f]{6}$", ""))
                .toList());
  }
}
