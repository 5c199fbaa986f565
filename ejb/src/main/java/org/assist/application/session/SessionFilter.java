package org.assist.application.session;

import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assist.application.Searches;
import org.assist.domain.session.SessionState;

/**
 * What the sessions page and {@code GET /api/v1/sessions} search by; every part is optional. Texts
 * match anywhere, whatever their case; the number matches its digits (spaces ignored); dates are
 * days in the server's time zone, both included.
 *
 * @param technician part of the technician's user name or display name
 * @param computer part of the customer's computer name
 * @param account part of the customer's account on that computer
 */
public record SessionFilter(
    String number,
    String technician,
    String computer,
    String account,
    LocalDate from,
    LocalDate to,
    SessionState state) {

  public static final SessionFilter NONE =
      new SessionFilter(null, null, null, null, null, null, null);

  public SessionFilter {
    number = number == null ? null : number.replaceAll("\\D", "");
    number = Searches.text(number);
    technician = Searches.text(technician);
    computer = Searches.text(computer);
    account = Searches.text(account);
  }

  /**
   * The JPQL conditions ({@code and ...}) over {@code s}, {@code t} (technician), {@code a}
   * (agent).
   */
  String where() {
    StringBuilder where = new StringBuilder();
    parameters()
        .keySet()
        .forEach(
            name ->
                where.append(
                    switch (name) {
                      case "number" -> " and s.number like :number escape '!'";
                      case "technician" ->
                          " and (lower(t.username) like :technician escape '!'"
                              + " or lower(t.displayName) like :technician escape '!')";
                      case "computer" -> " and lower(a.computerName) like :computer escape '!'";
                      case "account" -> " and lower(a.osUser) like :account escape '!'";
                      case "from" -> " and s.createdAt >= :from";
                      case "to" -> " and s.createdAt < :to";
                      case "state" -> " and s.state = :state";
                      default -> throw new IllegalStateException(name);
                    }));
    return where.toString();
  }

  <T> TypedQuery<T> bind(TypedQuery<T> query) {
    parameters().forEach(query::setParameter);
    return query;
  }

  private Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (number != null) {
      parameters.put("number", "%" + number + "%");
    }
    if (technician != null) {
      parameters.put("technician", Searches.anywhere(technician));
    }
    if (computer != null) {
      parameters.put("computer", Searches.anywhere(computer));
    }
    if (account != null) {
      parameters.put("account", Searches.anywhere(account));
    }
    if (from != null) {
      parameters.put("from", Searches.startOf(from));
    }
    if (to != null) {
      parameters.put("to", Searches.endOf(to));
    }
    if (state != null) {
      parameters.put("state", state);
    }
    return parameters;
  }
}
