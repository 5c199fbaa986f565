package org.assist.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The migrations on H2, the engine of the embedded default (PostgreSQL runs them in it/). */
class MigrationsTest {

  @Test
  void migratesAnEmptyDatabaseAndKeepsNumbersUniqueAmongOpenSessionsOnly() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:migration;DB_CLOSE_DELAY=-1");
    assertEquals(true, Migrations.apply(dataSource).success);
    // a second run finds nothing to do
    assertEquals(0, Migrations.apply(dataSource).migrationsExecuted);

    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "insert into technician (username, display_name, password_hash, role, enabled, created_at)"
              + " values ('ann', 'Ann', 'x', 'technician', true, current_timestamp)");
      String ended =
          "insert into support_session (number, open_number, technician_id, state, created_at)"
              + " values ('123456789', null, 1, 'ENDED', current_timestamp)";
      sql.execute(ended);
      sql.execute(ended);
      String open = ended.replace("null", "'123456789'").replace("ENDED", "WAITING");
      sql.execute(open);
      assertThrows(SQLException.class, () -> sql.execute(open));
      assertThrows(
          SQLException.class,
          () ->
              sql.execute(
                  "insert into technician (username, display_name, password_hash, role, enabled,"
                      + " created_at) values ('bob', 'Bob', 'x', 'root', true, current_timestamp)"));
    }
  }

  /** A database of before V7 keeps its report: new ids come after the ones it has. */
  @Test
  void sequencesOfBatchedIdsStartAboveTheRowsAlreadyThere() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1");
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target("6")
        .load()
        .migrate();
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "insert into technician (username, display_name, password_hash, role, enabled, created_at)"
              + " values ('ann', 'Ann', 'x', 'technician', true, current_timestamp)");
      sql.execute(
          "insert into support_session (number, open_number, technician_id, state, created_at)"
              + " values ('123456789', null, 1, 'ENDED', current_timestamp)");
      for (int i = 0; i < 120; i++) {
        sql.execute(
            "insert into session_event (session_id, at, kind, actor)"
                + " values (1, current_timestamp, 'SESSION_STARTED', 'ann')");
      }
      assertEquals(11, Migrations.apply(dataSource).migrationsExecuted, "V7 to V17");
      try (ResultSet next = sql.executeQuery("select next value for session_event_seq")) {
        next.next();
        // Hibernate hands out the 50 ids up to each value it draws
        assertTrue(next.getLong(1) - 49 > 120, String.valueOf(next.getLong(1)));
      }
    }
  }
}
