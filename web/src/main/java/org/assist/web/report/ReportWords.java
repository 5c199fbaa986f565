package org.assist.web.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assist.application.run.RunDetails;
import org.assist.application.session.ReportEntry;
import org.assist.application.session.SessionReport;
import org.assist.application.session.SessionRow;
import org.assist.domain.report.EventKind;
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
      case SCRIPT_FINISHED ->
          entry.script() == null
              ? Messages.text(locale, key, detail)
              : script(locale, entry.script().step());
      case SYSTEM_INFO_COLLECTED -> Messages.text(locale, key, detail.replace(" categories", ""));
      case LOG_OFF_ASKED -> Messages.text(locale, key, logOffReason(locale, detail));
      case SESSION_ENDED ->
          detail.startsWith("idle: ")
              ? Messages.text(locale, "report.SESSION_ENDED.idle", detail.substring(6))
              : Messages.text(locale, key);
      case LOGGED_OFF -> {
        // "account (reason)"
        int open = detail.indexOf(" (");
        yield open < 0 || !detail.endsWith(")")
            ? Messages.text(locale, key, detail)
            : Messages.text(
                locale,
                "report.LOGGED_OFF.why",
                detail.substring(0, open),
                logOffReason(locale, detail.substring(open + 2, detail.length() - 1)));
      }
      default -> Messages.text(locale, key, detail);
    };
  }

  /** A script's end: its name and version, and how it ended. */
  private static String script(Locale locale, RunDetails.Step step) {
    String end =
        step.timedOut()
            ? Messages.text(locale, "report.script.timedOut", step.timeoutSeconds())
            : step.error() != null
                ? Messages.text(locale, "report.script.error", step.error())
                : Messages.text(locale, "report.script.exit", step.exitCode());
    return Messages.text(locale, "report.script", step.name(), step.version(), end);
  }

  /**
   * What more there is to know of a script's end: its SHA-256, how long it ran, whether its output
   * was cut.
   */
  public List<String> details(ReportEntry entry) {
    return details(locale(), entry);
  }

  public static List<String> details(Locale locale, ReportEntry entry) {
    if (entry.script() == null) {
      return List.of();
    }
    RunDetails.Step step = entry.script().step();
    List<String> details = new ArrayList<>();
    details.add("SHA-256 " + step.sha256());
    if (step.durationMillis() != null) {
      details.add(Messages.text(locale, "report.script.duration", seconds(step.durationMillis())));
    }
    if (step.truncated()) {
      details.add(Messages.text(locale, "report.script.truncated"));
    }
    if (step.outputMissing() > 0) {
      details.add(Messages.text(locale, "report.script.gap", step.outputMissing()));
    }
    return details;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** The reasons the server and the agent give for a log-off, in words of the reader's language. */
  private static String logOffReason(Locale locale, String reason) {
    String key =
        switch (reason) {
          case "asked by the technician" -> "report.logOff.technician";
          case "the technician's console closed" -> "report.logOff.consoleClosed";
          case "server out of reach" -> "report.logOff.serverGone";
          default -> null;
        };
    return key == null ? reason : Messages.text(locale, key);
  }

  /** The name of a group of entries the reader filters the report by. */
  public String group(EventKind.Group group) {
    return Messages.text(locale(), "report.group." + group.name());
  }

  public static String who(Locale locale, ReportEntry entry, SessionRow session) {
    String actor = entry.actor();
    if (SessionReport.CUSTOMER.equals(actor)) {
      String computer =
          session == null || session.customer() == null ? null : session.customer().computerName();
      String account = computer == null ? null : session.customer().osUser();
      if (computer == null || computer.isBlank()) {
        return Messages.text(locale, "report.who.customer");
      }
      return account == null || account.isBlank()
          ? Messages.text(locale, "report.who.customerAt", computer)
          : Messages.text(locale, "report.who.customerAtAs", computer, account);
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
    if (code.equals("RUN_SCRIPTS")) {
      return Messages.text(locale, "report.request.someScripts");
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
