package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The busiest tables (a run's targets and steps, their output, the reports) take their ids from
 * sequences handed out 50 at a time, so that their rows are inserted in batches: with an identity
 * column every row is a round trip of its own, and a run launched on 200 sessions made 800. Each
 * sequence starts above its table's ids. A Java migration, so that the same code computes that
 * start on H2 and on PostgreSQL.
 */
public class V7__Batched_ids extends BaseJavaMigration {
  /** Ids a sequence hands out at a time; the entities' {@code allocationSize}. */
  private static final int STEP = 50;

  private static final List<String> TABLES =
      List.of("run_target", "run_step", "run_output", "session_event");

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement sql = context.getConnection().createStatement()) {
      for (String table : TABLES) {
        long highest;
        try (ResultSet rows = sql.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
          rows.next();
          highest = rows.getLong(1);
        }
        // one whole step above the highest id: the first batch handed out starts after it
        sql.execute(
            "CREATE SEQUENCE "
                + table
                + "_seq START WITH "
                + (highest + STEP + 1)
                + " INCREMENT BY "
                + STEP);
      }
    }
  }
}
