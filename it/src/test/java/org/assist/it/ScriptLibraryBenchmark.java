package org.assist.it;

import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Benchmark (profile {@code benchmark}): the script library with 5,000 scripts: its first render
 * and a sort, each timed 20 times, 95th percentile reported.
 */
@ExtendWith(ArquillianExtension.class)
class ScriptLibraryBenchmark {
  private static final int SCRIPTS = 5000;
  private static final int ROUNDS = 20;

  /** A server runs warm: rounds first run to warm it up, not counted. */
  private static final int WARM_UP = 10;

  @Test
  void measure() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String user = Api.newTechnician("libbench", "technician");
    String category = "Bench " + run;
    Api.admin().post("/categories", Json.createObjectBuilder().add("name", category).build());
    seed(user, category, run);
    long total;
    try (Connection db = Database.connect()) {
      total = single(db, "select count(*) from script where deleted = false");
    }

    try (Browser browser = Browser.start()) {
      browser.signIn(user, Api.passwordOf(user));
      browser.visible(By.id("dashboard:start"));
      List<Long> server = new ArrayList<>();
      List<Long> page = new ArrayList<>();
      for (int i = 0; i < ROUNDS + WARM_UP; i++) {
        browser.open("/scripts/list.xhtml");
        browser.visible(By.cssSelector("#library\\:table_data tr[data-ri]"));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        browser.waitUntil(
            Duration.ofSeconds(10),
            d ->
                ((Number) js.executeScript("return performance.timing.loadEventEnd")).longValue()
                    > 0);
        long requestStart =
            ((Number) js.executeScript("return performance.timing.requestStart")).longValue();
        long responseEnd =
            ((Number) js.executeScript("return performance.timing.responseEnd")).longValue();
        long navigation =
            ((Number) js.executeScript("return performance.timing.navigationStart")).longValue();
        long loaded =
            ((Number) js.executeScript("return performance.timing.domContentLoadedEventEnd"))
                .longValue();
        if (i >= WARM_UP) {
          server.add(responseEnd - requestStart);
          page.add(loaded - navigation);
        }
      }
      Measures.report(
          "library with %d scripts, first render: server response p95 %d ms (median %d), page ready p95 %d ms (median %d), %d rounds",
          total,
          Measures.percentile(server, 95),
          Measures.percentile(server, 50),
          Measures.percentile(page, 95),
          Measures.percentile(page, 50),
          ROUNDS);

      List<Long> sorts = new ArrayList<>();
      String[] columns = {
        "name", "category", "author", "modified", "size", "description", "published"
      };
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      for (int i = 0; i < ROUNDS + WARM_UP; i++) {
        String column = columns[i % columns.length];
        // timed in the page: from the click to the end of the AJAX update that shows the rows
        js.executeScript(
            "window.__sorted = null;"
                + " jQuery(document).one('pfAjaxComplete', function () { window.__sorted = performance.now() - window.__clicked; });"
                + " window.__clicked = performance.now();"
                + " document.querySelector(\"th[id='library:table:"
                + column
                + "'] .ui-column-title\").click();");
        Number took =
            browser.waitUntil(
                Duration.ofSeconds(10), d -> (Number) js.executeScript("return window.__sorted;"));
        browser.settle();
        if (i >= WARM_UP) {
          sorts.add(took.longValue());
        }
      }
      Measures.report(
          "library with %d scripts, sort by a column (click to rows updated, timed in the page): p95 %d ms (median %d), %d rounds",
          total, Measures.percentile(sorts, 95), Measures.percentile(sorts, 50), ROUNDS);
    }
  }

  /** 5,000 published scripts written straight to the database (the API would take minutes). */
  private static void seed(String user, String category, String run) throws Exception {
    try (Connection db = Database.connect()) {
      db.setAutoCommit(false);
      long author = single(db, "select id from technician where username = '" + user + "'");
      long categoryId =
          single(db, "select id from script_category where name = '" + category + "'");
      long file;
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into stored_file (sha256, size, content) values (?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        byte[] content = "#!/bin/sh\necho benchmark\n".getBytes();
        insert.setString(1, org.assist.protocol.Sha256.hex(content));
        insert.setInt(2, content.length);
        insert.setBytes(3, content);
        insert.executeUpdate();
        file = keyOf(insert);
      }
      try (PreparedStatement script =
              db.prepareStatement(
                  "insert into script (name_key, author_id, deleted, created_at) values (?, ?, false, current_timestamp)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement version =
              db.prepareStatement(
                  "insert into script_version (script_id, number, author_id, created_at, name, category_id, description,"
                      + " published, kind, executable_name, executable_id) values (?, 1, ?, current_timestamp, ?, ?, ?, true, 'SHELL', 'run.sh', ?)",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement current =
              db.prepareStatement("update script set current_version_id = ? where id = ?")) {
        for (int i = 0; i < SCRIPTS; i++) {
          String name = "Bench " + run + " " + String.format("%05d", (i * 7919) % SCRIPTS);
          script.setString(1, name.toLowerCase());
          script.setLong(2, author);
          script.executeUpdate();
          long scriptId = keyOf(script);
          version.setLong(1, scriptId);
          version.setLong(2, author);
          version.setString(3, name);
          version.setLong(4, categoryId);
          version.setString(5, "Benchmark script number " + i + " of the library");
          version.setLong(6, file);
          version.executeUpdate();
          current.setLong(1, keyOf(version));
          current.setLong(2, scriptId);
          current.executeUpdate();
        }
      }
      db.commit();
      // as autovacuum would soon after such a bulk load: fresh planner statistics
      try (Statement analyze = db.createStatement()) {
        db.setAutoCommit(true);
        analyze.execute("analyze");
      }
    }
  }

  private static long single(Connection db, String sql) throws Exception {
    try (Statement query = db.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long keyOf(PreparedStatement statement) throws Exception {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
