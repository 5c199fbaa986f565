package org.assist.infrastructure.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** The schema's Flyway migrations ({@code db/migration}), applied to a database. */
public final class Migrations {
  private Migrations() {}

  /** Applies every pending migration to the given database. */
  public static MigrateResult apply(DataSource dataSource) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
