package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assist.protocol.Sha256;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The script library through the pages and the REST API. */
@ExtendWith(ArquillianExtension.class)
class ScriptLibraryIT extends BrowserTest {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final String NETWORK = "Network " + RUN;
  private static final String PRINTERS = "Printers " + RUN;
  private static Path files;

  @BeforeAll
  static void prepare() throws Exception {
    files = Files.createTempDirectory("assist-scripts");
    for (String category : List.of(NETWORK, PRINTERS)) {
      assertEquals(
          201,
          Api.admin()
              .post("/categories", Json.createObjectBuilder().add("name", category).build())
              .status());
    }
  }

  private static Path file(String name, byte[] content) throws Exception {
    Path file = files.resolve(UUID.randomUUID() + "-" + name);
    Files.write(file, content);
    return file;
  }

  private static Path file(String name, String content) throws Exception {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> parts(
      String name, String category, boolean published, String executable) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("name", name);
    parts.put("category", category);
    parts.put("description", "made by the tests " + RUN);
    parts.put("published", String.valueOf(published));
    parts.put("executable", new Api.Part("run.sh", executable.getBytes(StandardCharsets.UTF_8)));
    return parts;
  }

  private static long create(Api api, String name, String category, boolean published) {
    Api.Reply created =
        api.multipart(
            "POST", "/scripts", parts(name, category, published, "#!/bin/sh\necho " + name + "\n"));
    assertEquals(201, created.status(), created.toString());
    return created.json().getJsonNumber("id").longValue();
  }

  /** Picks a category, again if a click landed while the menu was still opening or closing. */
  private static void chooseCategory(String category) {
    browser.waitUntil(
        Duration.ofSeconds(20),
        d -> {
          if (!browser.text(By.id("script:category_label")).equals(category)) {
            browser.click(By.id("script:category"));
            browser.click(By.xpath("//li[@data-label='" + category + "']"));
          }
          return browser.text(By.id("script:category_label")).equals(category);
        });
  }

  private static void upload(String field, Path file) {
    browser.driver.findElement(By.id("script:" + field + "_input")).sendKeys(file.toString());
    browser.waitForText(By.id("script:" + field + "Info"), file.getFileName().toString());
  }

  @Test
  void addAScriptWithItsFilesThenADuplicateKeepsTheFormThenTooLargeIsRefused() throws Exception {
    String user = Api.newTechnician("library", "technician");
    browser.signIn(user, Api.passwordOf(user));
    browser.open("/scripts/edit.xhtml");
    String name = "Flush DNS " + RUN;
    Path executable = file("flush.sh", "#!/bin/sh\nresolvectl flush-caches\ncat servers.txt\n");
    Path input = file("servers.txt", "8.8.8.8\n1.1.1.1\n");

    browser.type(By.id("script:name"), name);
    chooseCategory(NETWORK);
    browser.type(By.id("script:description"), "Empties the DNS cache");
    browser.click(By.cssSelector("#script\\:published .ui-chkbox-box"));
    upload("executable", executable);
    upload("input", input);
    String info = browser.text(By.id("script:executableInfo"));
    assertTrue(info.contains(Sha256.hex(Files.readAllBytes(executable))), info);
    assertTrue(
        browser.text(By.id("script:kind")).contains("shell script"),
        browser.text(By.id("script:kind")));
    browser.click(By.id("script:save"));

    browser.waitForText(By.tagName("h1"), name);
    assertTrue(
        browser
            .text(By.cssSelector(".executable-sha"))
            .equals(Sha256.hex(Files.readAllBytes(executable))));
    assertTrue(
        browser.text(By.cssSelector(".input-sha")).equals(Sha256.hex(Files.readAllBytes(input))));

    // the same name, in other letters: refused on the name field, nothing else lost
    browser.open("/scripts/edit.xhtml");
    browser.type(By.id("script:name"), name.toUpperCase());
    chooseCategory(PRINTERS);
    browser.type(By.id("script:description"), "Another one");
    Path other = file("other.ps1", "Get-Date\n");
    upload("executable", other);
    upload("input", input);
    browser.click(By.id("script:save"));
    String taken = "A script named " + name.toUpperCase() + " already exists";
    browser.waitForText(By.id("script"), taken);
    assertTrue(
        browser
            .driver
            .findElement(By.id("script:name"))
            .getAttribute("class")
            .contains("ui-state-error"));
    assertEquals(
        name.toUpperCase(),
        browser.driver.findElement(By.id("script:name")).getAttribute("value"),
        "the name typed stays");
    assertEquals(
        1,
        browser.driver.findElements(By.xpath("//*[contains(text(), '" + taken + "')]")).size(),
        "said once, beside the field");
    assertTrue(browser.driver.findElements(By.cssSelector(".ui-growl-message")).isEmpty());
    assertEquals(
        "Another one",
        browser.driver.findElement(By.id("script:description")).getAttribute("value"));
    assertEquals(PRINTERS, browser.text(By.id("script:category_label")));
    assertTrue(
        browser.text(By.id("script:executableInfo")).contains(other.getFileName().toString()));
    assertTrue(browser.text(By.id("script:inputInfo")).contains(input.getFileName().toString()));
    assertTrue(browser.text(By.id("script:kind")).contains("PowerShell"));
    browser.type(By.id("script:name"), "Show date " + RUN);
    browser.click(By.id("script:save"));
    browser.waitForText(By.tagName("h1"), "Show date " + RUN);
    assertEquals(
        Sha256.hex(Files.readAllBytes(other)), browser.text(By.cssSelector(".executable-sha")));

    // 1 MiB and one byte: refused by the server, with the reason
    browser.open("/scripts/edit.xhtml");
    Path big = file("big.bin", new byte[1024 * 1024 + 1]);
    browser.driver.findElement(By.id("script:executable_input")).sendKeys(big.toString());
    browser.waitForText(By.id("script"), "is over the limit of 1 MiB");
    assertFalse(
        browser.driver.findElement(By.id("script:executableInfo")).getText().contains("big.bin"));
  }

  /** French, typed in the form: kept as typed, and again after an edit of the file alone. */
  @Test
  void accentedTextTypedInTheFormStaysAsTypedThroughAnEditOfTheFileAlone() throws Exception {
    String user = Api.newTechnician("accents", "technician");
    Api api = Api.asTechnician(user);
    String name = "Réparer l’imprimante " + RUN;
    String description = "— l'été ünïcödé";
    browser.signIn(user, Api.passwordOf(user));
    browser.open("/scripts/edit.xhtml");
    browser.type(By.id("script:name"), name);
    chooseCategory(PRINTERS);
    browser.type(By.id("script:description"), description);
    upload("executable", file("reparer.sh", "#!/bin/sh\necho été\n"));
    browser.click(By.id("script:save"));
    browser.waitForText(By.tagName("h1"), name);
    long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
    JsonObject saved = api.get("/scripts/" + id).json();
    assertEquals(name, saved.getString("name"));
    assertEquals(description, saved.getString("description"));

    browser.open("/scripts/edit.xhtml?id=" + id);
    upload("executable", file("reparer-2.sh", "#!/bin/sh\necho automne\n"));
    browser.click(By.id("script:save"));
    browser.waitForText(By.tagName("h1"), name);
    JsonObject edited = api.get("/scripts/" + id).json();
    assertEquals(2, edited.getInt("version"));
    assertEquals(name, edited.getString("name"));
    assertEquals(description, edited.getString("description"));
  }

  /** French through the API, as {@code curl -F} sends it: text parts without any charset. */
  @Test
  void accentedTextPartsWithoutACharsetAreUtf8() throws Exception {
    String category = "Réseau " + RUN;
    assertEquals(
        201,
        Api.admin()
            .post("/categories", Json.createObjectBuilder().add("name", category).build())
            .status());
    String name = "Vérifier l’accès — été " + RUN;
    Map<String, Object> parts = parts(name, category, true, "#!/bin/sh\necho ok\n");
    parts.put("description", "— l'été ünïcödé");
    Api.Reply created =
        Api.asTechnician(Api.newTechnician("curl", "technician"))
            .multipart("POST", "/scripts", parts);
    assertEquals(201, created.status(), created.toString());
    assertEquals(name, created.json().getString("name"));
    assertEquals(category, created.json().getString("category"));
    assertEquals("— l'été ünïcödé", created.json().getString("description"));
  }

  /**
   * The library and its form in use, menus opened and closed quickly as a hurried technician does:
   * no script error and no missing resource in the browser's console (a PrimeFaces menu closed
   * while opening used to fail, and the site's icon was missing).
   */
  @Test
  void theLibraryAndItsFormLeaveNoErrorInTheBrowser() throws Exception {
    String user = Api.newTechnician("tidy", "technician");
    browser.signIn(user, Api.passwordOf(user));
    browser.consoleErrors();
    for (String[] page :
        new String[][] {
          {"/scripts/list.xhtml", "library:category"}, {"/scripts/edit.xhtml", "script:category"}
        }) {
      browser.open(page[0]);
      for (int i = 0; i < 3; i++) {
        browser.driver.findElement(By.id(page[1])).click();
        new org.openqa.selenium.interactions.Actions(browser.driver)
            .sendKeys(org.openqa.selenium.Keys.ESCAPE)
            .perform();
        browser.driver.findElement(By.id(page[1])).click();
        browser.driver.findElement(By.id(page[1])).click();
      }
      browser.settle();
      assertEquals(List.of(), browser.consoleErrors(), page[0]);
    }
    String icon = browser.driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href");
    HttpResponse<byte[]> fetched = browser.fetch(icon);
    assertEquals(200, fetched.statusCode(), icon);
    assertEquals(
        "image/svg+xml", fetched.headers().firstValue("Content-Type").orElse("").split(";")[0]);
  }

  @Test
  void everyColumnSorts() throws Exception {
    String marker = "sortme" + RUN;
    String alice = Api.newTechnician("alice", "technician");
    String bob = Api.newTechnician("bob", "technician");
    List<long[]> ids = new ArrayList<>();
    String[][] scripts = {
      {"C " + marker, NETWORK, "b-desc " + marker, "true", "x".repeat(300)},
      {"a " + marker, PRINTERS, "c-desc " + marker, "false", "x".repeat(10)},
      {"B " + marker, NETWORK, "a-desc " + marker, "true", "x".repeat(100)},
    };
    int i = 0;
    for (String[] s : scripts) {
      Api api = Api.asTechnician(i++ % 2 == 0 ? alice : bob);
      Map<String, Object> parts =
          parts(s[0], s[1], Boolean.parseBoolean(s[3]), "#!/bin/sh\n# " + s[4] + "\n");
      parts.put("description", s[2]);
      assertEquals(201, api.multipart("POST", "/scripts", parts).status());
      Thread.sleep(1100);
    }
    browser.signIn("admin", TestServer.ADMIN_PASSWORD);
    browser.open("/scripts/list.xhtml");
    browser.search(By.id("library:text"), marker, 300);
    browser.waitUntil(java.time.Duration.ofSeconds(10), d -> rows().size() == 3);

    for (String column :
        List.of("name", "category", "description", "author", "published", "modified", "size")) {
      for (boolean ascending : new boolean[] {true, false}) {
        List<String> before = columnValues(column);
        browser.click(By.cssSelector("th[id='library:table:" + column + "'] .ui-column-title"));
        browser.settle();
        browser.waitUntil(
            java.time.Duration.ofSeconds(10),
            d -> {
              String sort =
                  d.findElement(By.cssSelector("th[id='library:table:" + column + "']"))
                      .getAttribute("aria-sort");
              return (ascending ? "ascending" : "descending").equals(sort);
            });
        List<String> values = columnValues(column);
        Comparator<String> order = comparatorFor(column);
        List<String> expected = new ArrayList<>(values);
        expected.sort(ascending ? order : order.reversed());
        assertEquals(
            expected,
            values,
            column + (ascending ? " ascending" : " descending") + " (was " + before + ")");
      }
    }
  }

  private static List<WebElement> rows() {
    return browser.driver.findElements(By.cssSelector("#library\\:table_data tr[data-ri]"));
  }

  /** The column's values of the three scripts the sorting test made, top to bottom. */
  private static List<String> columnValues(String column) {
    int index =
        List.of("name", "category", "description", "author", "published", "modified", "size")
            .indexOf(column);
    return browser.waitUntil(
        java.time.Duration.ofSeconds(10),
        d -> {
          List<String> values = new ArrayList<>();
          for (WebElement row : rows()) {
            WebElement cell = row.findElements(By.tagName("td")).get(index);
            values.add(
                column.equals("size")
                    ? cell.findElement(By.cssSelector(".size")).getAttribute("data-bytes")
                    : cell.getText());
          }
          return values.size() == 3 && !values.contains("") ? values : null;
        });
  }

  private static Comparator<String> comparatorFor(String column) {
    return switch (column) {
      case "size" -> Comparator.comparingLong(Long::parseLong);
      case "published" -> Comparator.comparing(v -> v.equals("Yes"));
      default -> String.CASE_INSENSITIVE_ORDER;
    };
  }

  @Test
  void editingMakesVersionTwoAndVersionOneStaysDownloadable() throws Exception {
    String user = Api.newTechnician("editor", "technician");
    Api api = Api.asTechnician(user);
    long id = create(api, "Versioned " + RUN, NETWORK, true);
    byte[] first = api.bytes("/scripts/" + id + "/versions/1/executable");

    browser.signIn(user, Api.passwordOf(user));
    browser.open("/scripts/edit.xhtml?id=" + id);
    assertEquals(
        "Versioned " + RUN, browser.driver.findElement(By.id("script:name")).getAttribute("value"));
    Path second = file("run.sh", "#!/bin/sh\necho second version\n");
    upload("executable", second);
    browser.type(By.id("script:description"), "now with a second version");
    browser.click(By.id("script:save"));
    browser.waitForText(By.id("versions:table"), "2");

    List<WebElement> hashes = browser.driver.findElements(By.cssSelector(".executable-sha"));
    assertEquals(2, hashes.size());
    assertEquals(Sha256.hex(Files.readAllBytes(second)), hashes.get(0).getText());
    assertEquals(Sha256.hex(first), hashes.get(1).getText());
    assertNotEquals(hashes.get(0).getText(), hashes.get(1).getText());

    JsonObject script = api.get("/scripts/" + id).json();
    assertEquals(2, script.getInt("version"));
    assertArrayEquals(
        first, api.bytes("/scripts/" + id + "/versions/1/executable"), "version 1 unchanged");
    assertArrayEquals(
        Files.readAllBytes(second), api.bytes("/scripts/" + id + "/versions/2/executable"));

    // the page's own download link of version 1, fetched with the page's sign-in (Chromium holds
    // back .sh downloads for a confirmation nobody can give in a headless test)
    String link =
        browser
            .driver
            .findElements(By.cssSelector("a.download-executable"))
            .get(1)
            .getAttribute("href");
    java.net.http.HttpResponse<byte[]> download = browser.fetch(link);
    assertEquals(200, download.statusCode());
    assertTrue(
        download
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .startsWith("attachment; filename=\"run.sh\""));
    assertArrayEquals(first, download.body());
  }

  @Test
  void othersSeeOnlyPublishedScriptsAndOnlyAuthorsAndAdministratorsDelete() throws Exception {
    String author = Api.newTechnician("author", "technician");
    String other = Api.newTechnician("other", "technician");
    String marker = "visibility" + RUN;
    long published = create(Api.asTechnician(author), "Shared " + marker, NETWORK, true);
    long hidden = create(Api.asTechnician(author), "Private " + marker, NETWORK, false);

    List<String> seen =
        Api.asTechnician(other)
            .get("/scripts?q=" + marker)
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(s -> s.getString("name"))
            .toList();
    assertEquals(List.of("Shared " + marker), seen);
    assertEquals(404, Api.asTechnician(other).get("/scripts/" + hidden).status());
    assertEquals(2, Api.asTechnician(author).get("/scripts?q=" + marker).array().size());

    browser.signIn(other, Api.passwordOf(other));
    browser.open("/scripts/list.xhtml");
    browser.search(By.id("library:text"), marker, 300);
    browser.waitUntil(java.time.Duration.ofSeconds(10), d -> rows().size() == 1);
    assertTrue(browser.text(By.id("library:table")).contains("Shared " + marker));
    assertTrue(
        browser
            .driver
            .findElements(By.cssSelector("#library\\:table button[id$=':delete']"))
            .isEmpty(),
        "no Delete for others");
    assertTrue(
        browser.driver.findElements(By.cssSelector("#library\\:table a[id$=':edit']")).isEmpty(),
        "no Edit for others");

    Api.Reply refused = Api.asTechnician(other).delete("/scripts/" + published);
    assertEquals(403, refused.status());
    assertFalse(refused.json().getString("message").isBlank());
    assertEquals(
        403,
        Api.asTechnician(other)
            .multipart(
                "PUT",
                "/scripts/" + published,
                parts("Hijacked " + marker, NETWORK, true, "#!/bin/sh\nrm -rf /\n"))
            .status());
    assertEquals(
        List.of(other),
        Database.strings(
            "select actor from audit_entry where action = 'refused:script.delete' and target = ?",
            "Shared " + marker));
    assertEquals(
        200, Api.asTechnician(author).get("/scripts/" + published).status(), "nothing was deleted");

    assertEquals(204, Api.admin().delete("/scripts/" + published).status());
    assertEquals(404, Api.asTechnician(author).get("/scripts/" + published).status());
    assertEquals(204, Api.asTechnician(author).delete("/scripts/" + hidden).status());
  }

  /** A script published at its second version: its first, a draft, stays its author's. */
  @Test
  void draftsSavedBeforeAScriptWasPublishedStayItsAuthors() throws Exception {
    Api author = Api.asTechnician(Api.newTechnician("drafter", "technician"));
    Api other = Api.asTechnician(Api.newTechnician("reader", "technician"));
    String name = "Drafted " + RUN;
    long id = create(author, name, NETWORK, false);
    Api.Reply published =
        author.multipart(
            "PUT", "/scripts/" + id, parts(name, NETWORK, true, "#!/bin/sh\necho v2\n"));
    assertEquals(200, published.status(), published.toString());

    List<Integer> shown =
        other
            .get("/scripts/" + id)
            .json()
            .getJsonArray("versions")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(v -> v.getInt("number"))
            .toList();
    assertEquals(List.of(2), shown);
    assertEquals(200, other.getAny("/scripts/" + id + "/versions/2/executable").status());
    assertEquals(404, other.getAny("/scripts/" + id + "/versions/1/executable").status());
    assertEquals(2, author.get("/scripts/" + id).json().getJsonArray("versions").size());
    assertEquals(200, author.getAny("/scripts/" + id + "/versions/1/executable").status());
  }

  @Test
  void theInputFileMayNotTakeTheExecutablesName() throws Exception {
    Map<String, Object> parts =
        parts("Same names " + RUN, NETWORK, true, "#!/bin/sh\ncat run.sh\n");
    parts.put(
        "input", new Api.Part("RUN.SH", "#!/bin/sh\necho evil\n".getBytes(StandardCharsets.UTF_8)));
    Api.Reply refused =
        Api.asTechnician(Api.newTechnician("samename", "technician"))
            .multipart("POST", "/scripts", parts);
    assertEquals(400, refused.status(), refused.toString());
    assertEquals("input", refused.json().getString("field"));
  }

  @Test
  void theApiRefusesBadInputClearly() throws Exception {
    String user = Api.newTechnician("apiscripts", "technician");
    Api api = Api.asTechnician(user);
    String name = "Api script " + RUN;
    create(api, name, NETWORK, true);

    Api.Reply duplicate =
        api.multipart("POST", "/scripts", parts(name.toLowerCase(), NETWORK, true, "echo"));
    assertEquals(409, duplicate.status());
    assertEquals("name", duplicate.json().getString("field"));

    Map<String, Object> big = parts("Big " + RUN, NETWORK, true, "x");
    big.put("executable", new Api.Part("big.bin", new byte[1024 * 1024 + 1]));
    Api.Reply tooLarge = api.multipart("POST", "/scripts", big);
    assertEquals(413, tooLarge.status());
    assertTrue(tooLarge.json().getString("message").contains("1 MiB"), tooLarge.toString());

    Api.Reply unknownCategory =
        api.multipart(
            "POST", "/scripts", parts("Lost " + RUN, "No such category " + RUN, true, "x"));
    assertEquals(400, unknownCategory.status());
    assertEquals("category", unknownCategory.json().getString("field"));

    Map<String, Object> noFile = parts("No file " + RUN, NETWORK, true, "x");
    noFile.remove("executable");
    assertEquals(400, api.multipart("POST", "/scripts", noFile).status());
    assertEquals(401, Api.anonymous().get("/scripts").status());
    assertEquals(
        403,
        api.post("/categories", Json.createObjectBuilder().add("name", "Mine " + RUN).build())
            .status());
  }

  @Test
  void concurrentCreationOfOneNameLetsExactlyOneThrough() throws Exception {
    String user = Api.newTechnician("racer", "technician");
    Api api = Api.asTechnician(user);
    String name = "Race " + RUN;
    int logged = ServerLog.length();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String variant = i % 2 == 0 ? name : name.toUpperCase();
      Callable<Integer> post =
          () ->
              api.multipart("POST", "/scripts", parts(variant, NETWORK, true, "echo race"))
                  .status();
      statuses.add(pool.submit(post));
    }
    List<Integer> results = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      results.add(status.get());
    }
    pool.shutdown();
    assertEquals(1, results.stream().filter(s -> s == 201).count(), results.toString());
    assertEquals(5, results.stream().filter(s -> s == 409).count(), results.toString());
    // those the database's unique index refused are answered 409, not logged as the server's fault
    String log = ServerLog.since(logged);
    assertFalse(log.contains("SqlExceptionHelper"), log);
  }

  @Test
  void administratorsManageCategoriesAndUsedOnesStay() throws Exception {
    String used = "Used " + RUN;
    Api.admin().post("/categories", Json.createObjectBuilder().add("name", used).build());
    create(Api.admin(), "Needs category " + RUN, used, true);

    browser.signIn("admin", TestServer.ADMIN_PASSWORD);
    browser.open("/admin/categories.xhtml");
    browser.type(By.id("newCategory:name"), "Fresh " + RUN);
    browser.click(By.id("newCategory:create"));
    browser.waitForText(By.id("categories:table"), "");
    By freshRow = By.xpath("//tr[.//input[@value='Fresh " + RUN + "']]");
    browser.visible(freshRow);
    WebElement nameField = browser.visible(freshRow).findElement(By.tagName("input"));
    nameField.clear();
    nameField.sendKeys("Renamed " + RUN);
    browser.visible(freshRow).findElement(By.xpath(".//button[contains(@id, ':rename')]")).click();
    browser.settle();
    By renamedRow = By.xpath("//tr[.//input[@value='Renamed " + RUN + "']]");
    browser.visible(renamedRow);

    By usedRow = By.xpath("//tr[.//input[@value='" + used + "']]");
    browser.visible(usedRow).findElement(By.xpath(".//button[contains(@id, ':delete')]")).click();
    browser.click(By.cssSelector(".ui-confirmdialog-yes"));
    browser.waitForText(By.tagName("body"), "Needs category " + RUN);
    browser.visible(usedRow);

    browser
        .visible(renamedRow)
        .findElement(By.xpath(".//button[contains(@id, ':delete')]"))
        .click();
    browser.click(By.cssSelector(".ui-confirmdialog-yes"));
    browser.settle();
    browser.waitUntil(java.time.Duration.ofSeconds(10), d -> d.findElements(renamedRow).isEmpty());
  }
}
