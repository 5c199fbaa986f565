package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit log says from which address each action came, and is append-only: on PostgreSQL (the
 * production database) a trigger refuses any UPDATE or DELETE of its rows and TRUNCATE of the
 * table, whoever asks. The embedded H2 of trials has no such trigger (its triggers are Java
 * classes); Assist itself has no path that changes an entry on either.
 */
public class V15__Audit_append_only extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    try (Statement sql = context.getConnection().createStatement()) {
      sql.execute("ALTER TABLE audit_entry ADD COLUMN address VARCHAR(64)");
      sql.execute("CREATE INDEX audit_entry_actor ON audit_entry (actor, at)");
      if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
        return;
      }
      sql.execute(
          "CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$"
              + " BEGIN RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;"
              + " END $$");
      sql.execute(
          "CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry"
              + " FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()");
      sql.execute(
          "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry"
              + " FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()");
    }
  }
}
