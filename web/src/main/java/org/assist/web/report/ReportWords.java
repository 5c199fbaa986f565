package org.assist.web.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import org.assist.application.session.ReportEntry;
import org.assist.application.session.SessionReport;
import org.assist.application.session.SessionRow;
import org.assist.web.Messages;

/**
 * A session report's entries in the words of the page's language: what the customer was asked
 * ("viewing the system information", not {@code SYSTEM_INFO}), how they answered ("once", "by the
 * computer's policy"), how a run ended, and who acted (the technician's name, the customer's
 * computer, Assist itself). What the customer's computer reported stays as it said it.
 */
@Named
@RequestScoped
public class ReportWords {
  /** What the entry says, in the page's language. */
  public String what(ReportEntry entry) {
    return what(locale(), entry);
  }

  /** Who acted, in the page's language. */
  public String who(ReportEntry entry, SessionRow session) {
    return who(locale(), entry, session);
  }

  public static String what(Locale locale, ReportEntry entry) {
    String detail = entry.detail() == null ? "" : entry.detail();
    String key = "report." + entry.kind().name();
    return switch (entry.kind()) {
      case CONSENT_ASKED, COMMAND_EXPIRED -> Messages.text(locale, key, request(locale, detail));
      case CONSENT_GRANTED, CONSENT_DECLINED -> {
        int space = detail.lastIndexOf(' ');
        String request = space < 0 ? detail : detail.substring(0, space);
        String how = space < 0 ? "" : detail.substring(space + 1);
        yield Messages.text(
            locale, key, request(locale, request), known(locale, "report.how." + how, how));
      }
      case RUN_ENDED -> Messages.text(locale, key, known(locale, "run.state." + detail, detail));
      default -> Messages.text(locale, key, detail);
    };
  }

  public static String who(Locale locale, ReportEntry entry, SessionRow session) {
    String actor = entry.actor();
    if (SessionReport.CUSTOMER.equals(actor)) {
      String computer =
          session == null || session.customer() == null ? null : session.customer().computerName();
      return computer == null || computer.isBlank()
          ? Messages.text(locale, "report.who.customer")
          : Messages.text(locale, "report.who.customerAt", computer);
    }
    if (SessionReport.SYSTEM.equals(actor)) {
      return Messages.text(locale, "report.who.system");
    }
    if (session != null && actor != null && actor.equals(session.technician())) {
      return session.technicianName();
    }
    return actor;
  }

  /** What the customer was asked, in words: {@code RUN_SCRIPTS: a, b} names the scripts. */
  private static String request(Locale locale, String code) {
    String prefix = "RUN_SCRIPTS: ";
    if (code.startsWith(prefix)) {
      return Messages.text(locale, "report.request.RUN_SCRIPTS", code.substring(prefix.length()));
    }
    return known(locale, "report.request." + code, code);
  }

  /** The text of the key, or the code itself when there is none. */
  private static String known(Locale locale, String key, String code) {
    String text = Messages.text(locale, key, code);
    return text.equals(key) ? code : text;
  }

  private static Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
