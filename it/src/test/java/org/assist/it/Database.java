package org.assist.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The test server's PostgreSQL database, read directly to check what the server stored. */
final class Database {
  private Database() {}

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("assist.test.db.url"),
        System.getProperty("assist.test.db.user"),
        System.getProperty("assist.test.db.password"));
  }

  /** The first column of every row of a query with one text parameter. */
  static List<String> strings(String sql, String parameter) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, parameter);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
