package org.assist.web.session;

import jakarta.faces.context.FacesContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which parts of a session's page a pushed notice touches (the {@code what} of {@link
 * ConsolePush}'s notices, comma separated), so that a script's end re-renders the runs and the
 * report, not the whole page. The chat is not among them: its lines come whole, pushed. Anything it
 * does not know, and a connection (re)opening, re-renders everything.
 */
final class LiveParts {
  static final String FEED = "feed";
  static final String RUNS = "runs";
  static final String REPORT = "report";
  static final Set<String> ALL = Set.of("iconbar", "line", FEED, RUNS, REPORT);

  private LiveParts() {}

  /** A parameter of the live update being handled ({@code session}, {@code what}), or null. */
  static String notice(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  static Set<String> of(String whats) {
    if (whats == null || whats.isBlank()) {
      return ALL;
    }
    Set<String> parts = new LinkedHashSet<>();
    for (String what : whats.split(",")) {
      switch (what.trim()) {
        case "run" -> parts.add(RUNS);
        case "CONSENT_ASKED",
            "CONSENT_GRANTED",
            "CONSENT_DECLINED",
            "SCRIPT_FINISHED",
            "RUN_ENDED",
            "COMMAND_EXPIRED",
            "COMMAND_REFUSED" ->
            parts.addAll(List.of(RUNS, REPORT));
        default -> {
          return ALL;
        }
      }
    }
    return parts;
  }
}
