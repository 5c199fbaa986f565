package org.assist.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Script names are unique in the library whatever their case, even when technicians save the same
 * name at the same moment: the database decides, exactly one wins.
 */
class ScriptNameUniquenessTest {

  @Test
  void concurrentCreationOfTheSameNameLetsExactlyOneThrough() throws Exception {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:names;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    Migrations.apply(db);
    try (Connection c = db.getConnection();
        Statement sql = c.createStatement()) {
      sql.execute(
          "insert into technician (username, display_name, password_hash, role, enabled, created_at)"
              + " values ('ann', 'Ann', 'x', 'technician', true, current_timestamp)");
    }
    int writers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String name = i % 2 == 0 ? "Flush DNS" : "flush dns";
      Callable<Boolean> create =
          () -> {
            start.await();
            try (Connection c = db.getConnection();
                PreparedStatement insert =
                    c.prepareStatement(
                        "insert into script (name_key, author_id, deleted, created_at) values (?, 1, false, current_timestamp)")) {
              insert.setString(1, name.toLowerCase());
              insert.executeUpdate();
              return true;
            } catch (SQLException e) {
              return false;
            }
          };
      results.add(pool.submit(create));
    }
    start.countDown();
    int created = 0;
    for (Future<Boolean> result : results) {
      created += result.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, created);

    try (Connection c = db.getConnection();
        Statement sql = c.createStatement()) {
      sql.execute("update script set name_key = null, deleted = true");
      sql.execute(
          "insert into script (name_key, author_id, deleted, created_at) values ('flush dns', 1, false, current_timestamp)");
    }
  }
}
