package org.assist.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The tests' own PostgreSQL: a real PostgreSQL server unpacked from a Maven artifact, started
 * before any test (and so before the server under test, which Arquillian starts at the first test)
 * on the port the build reserved, with the role and database the server is configured with. Off
 * when the build names an external database ({@code -Dassist.test.db.url=...}).
 */
public class EmbeddedDatabase implements LauncherSessionListener {
  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("assist.test.db.embedded") || postgres != null) {
      return;
    }
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPort(Integer.getInteger("assist.test.db.port"))
              .setDataDirectory(Path.of(System.getProperty("assist.test.db.dir")))
              .setCleanDataDirectory(true)
              // a test database: speed over durability
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "200")
              .start();
      try (Connection db = postgres.getPostgresDatabase().getConnection();
          Statement sql = db.createStatement()) {
        sql.execute(
            "create role "
                + System.getProperty("assist.test.db.user")
                + " login password '"
                + System.getProperty("assist.test.db.password")
                + "'");
        sql.execute(
            "create database assist_test owner " + System.getProperty("assist.test.db.user"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the embedded PostgreSQL", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        // the build's JVM ends anyway, and the data folder is cleaned at the next start
      }
      postgres = null;
    }
  }
}
