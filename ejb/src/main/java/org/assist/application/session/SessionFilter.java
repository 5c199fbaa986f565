package org.assist.application.session;

import java.time.LocalDate;
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

  /** The conditions over {@code s} (the session), {@code t} (technician) and {@code a} (agent). */
  Searches conditions() {
    return Searches.conditions()
        .where("s.number like :number", "number", number == null ? null : "%" + number + "%")
        .contains("technician", technician, "t.username", "t.displayName")
        .contains("computer", computer, "a.computerName")
        .contains("account", account, "a.osUser")
        .between("s.createdAt", from, to)
        .where("s.state = :state", "state", state);
  }
}
