package org.assist.application.audit;

import java.time.LocalDate;
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

  /** The conditions over {@code e}, the audit entry. */
  Searches conditions() {
    return Searches.conditions()
        .contains("actor", actor, "e.actor")
        .contains("action", action, "e.action")
        .contains("text", text, "e.target", "e.detail", "e.address")
        .between("e.at", from, to);
  }
}
