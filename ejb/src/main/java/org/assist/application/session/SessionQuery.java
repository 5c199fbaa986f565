package org.assist.application.session;

import java.util.Map;

/**
 * One page of the sessions list: which rows, sorted how, matching what. Sort fields are names the
 * console and API use; only those listed here reach a query.
 */
public record SessionQuery(
    int first, int max, String sortField, boolean ascending, SessionFilter filter) {
  private static final Map<String, String> SORTABLE =
      Map.of(
          "number", "s.number",
          "technician", "t.displayName",
          "computer", "a.computerName",
          "account", "a.osUser",
          "createdAt", "s.createdAt",
          "state", "s.state");

  public SessionQuery {
    first = Math.max(0, first);
    max = Math.min(Math.max(1, max), 500);
    if (!SORTABLE.containsKey(sortField)) {
      sortField = "createdAt";
      ascending = false;
    }
    filter = filter == null ? SessionFilter.NONE : filter;
  }

  /** Newest first, as the sessions page opens. */
  public static SessionQuery newest(int first, int max) {
    return new SessionQuery(first, max, "createdAt", false, SessionFilter.NONE);
  }

  String orderBy() {
    String direction = ascending ? " asc" : " desc";
    return " order by " + SORTABLE.get(sortField) + direction + ", s.id" + direction;
  }
}
