package org.assist.application;

import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How searches read what people type and turn it into a query: blank is nothing, text matches
 * anywhere whatever its case, a day is a day in the server's time zone; each condition given adds
 * one {@code and} with its own parameter.
 */
public final class Searches {
  private final StringBuilder where = new StringBuilder();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** The text stripped, or null when there is none. */
  public static String text(String typed) {
    return typed == null || typed.isBlank() ? null : typed.strip();
  }

  /** A search whose conditions follow; none holds when nothing was given. */
  public static Searches conditions() {
    return new Searches();
  }

  /** Adds {@code jpql} when the value was given. {@code jpql} names its parameter {@code :name}. */
  public Searches where(String jpql, String name, Object value) {
    if (value != null) {
      where.append(" and (").append(jpql).append(')');
      parameters.put(name, value);
    }
    return this;
  }

  /**
   * Adds that {@code fields} (one or more, any of them) contain the text, whatever its case; its
   * own {@code %}, {@code _} and {@code !} are taken literally.
   */
  public Searches contains(String name, String text, String... fields) {
    if (text == null) {
      return this;
    }
    StringBuilder any = new StringBuilder();
    for (String field : fields) {
      any.append(any.isEmpty() ? "" : " or ")
          .append("lower(")
          .append(field)
          .append(") like :")
          .append(name)
          .append(" escape '!'");
    }
    String pattern =
        "%"
            + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
            + "%";
    return where(any.toString(), name, pattern);
  }

  /** Adds that {@code field} falls on or after the day, and on or before the other. */
  public Searches between(String field, LocalDate from, LocalDate to) {
    return where(field + " >= :from", "from", from == null ? null : startOf(from))
        .where(field + " < :to", "to", to == null ? null : startOf(to.plusDays(1)));
  }

  /** The conditions, each starting with {@code and}. */
  public String jpql() {
    return where.toString();
  }

  public <T> TypedQuery<T> bind(TypedQuery<T> query) {
    parameters.forEach(query::setParameter);
    return query;
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneId.systemDefault()).toInstant();
  }
}
