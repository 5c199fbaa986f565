package org.assist.application.script;

import java.util.Locale;
import java.util.Map;

/**
 * One page of the library: rows, sort (only the fields listed here reach the query), a text to find
 * in names and descriptions, and a category.
 */
public record ScriptQuery(
    int first, int max, String sortField, boolean ascending, String text, Long category) {
  static final Map<String, String> SORTABLE =
      Map.of(
          "name", "s.nameKey",
          "category", "lower(c.name)",
          "description", "lower(v.description)",
          "author", "lower(a.displayName)",
          "published", "v.published",
          "modified", "v.createdAt",
          "size", "(e.size + coalesce(i.size, 0))");

  public ScriptQuery {
    first = Math.max(0, first);
    max = Math.min(Math.max(1, max), 500);
    if (!SORTABLE.containsKey(sortField)) {
      sortField = "name";
      ascending = true;
    }
    text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
  }

  /** Every script, by name: for looking one up. */
  static ScriptQuery everything() {
    return new ScriptQuery(0, 1, "name", true, null, null);
  }

  /** Text to match with {@code like}, its wildcards escaped. */
  String pattern() {
    return text == null
        ? null
        : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  String orderBy() {
    String direction = ascending ? " asc" : " desc";
    return " order by " + SORTABLE.get(sortField) + direction + ", s.id" + direction;
  }
}
