package org.assist.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
}
