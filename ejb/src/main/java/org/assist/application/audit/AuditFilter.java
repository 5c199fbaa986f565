package org.assist.application.audit;

import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assist.application.Searches;

/**
 * What the audit log is searched by; every part is optional. Texts match anywhere, whatever their
 * case; dates are days in the server's time zone, both included.
 *
 * @param actor part of who acted (a user name, {@code system})
 * @param action part of the action's code ({@code technician}, {@code sign-in}, {@code refused})
 * @param text part of the target, the detail or the address
 */
public record AuditFilter(String actor, String action, String text, LocalDate from, LocalDate to) {
  public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

  public AuditFilter {
    actor = Searches.text(actor);
    action = Searches.text(action);
    text = Searches.text(text);
  }

  /** The JPQL conditions over {@code e}, starting with {@code where}. */
  String where() {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    for (String name : parameters().keySet()) {
      where.append(
          switch (name) {
            case "actor" -> " and lower(e.actor) like :actor escape '!'";
            case "action" -> " and lower(e.action) like :action escape '!'";
            case "text" ->
                " and (lower(e.target) like :text escape '!' or lower(e.detail) like :text"
                    + " escape '!' or lower(e.address) like :text escape '!')";
            case "from" -> " and e.at >= :from";
            case "to" -> " and e.at < :to";
            default -> throw new IllegalStateException(name);
          });
    }
    return where.toString();
  }

  <T> TypedQuery<T> bind(TypedQuery<T> query) {
    parameters().forEach(query::setParameter);
    return query;
  }

  private Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (actor != null) {
      parameters.put("actor", Searches.anywhere(actor));
    }
    if (action != null) {
      parameters.put("action", Searches.anywhere(action));
    }
    if (text != null) {
      parameters.put("text", Searches.anywhere(text));
    }
    if (from != null) {
      parameters.put("from", Searches.startOf(from));
    }
    if (to != null) {
      parameters.put("to", Searches.endOf(to));
    }
    return parameters;
  }
}
