package org.assist.web.session;

import jakarta.faces.context.FacesContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which parts of a session's page a pushed change touches (the {@code what} of {@link
 * ConsolePush}'s notices, comma separated), so that a script's output re-renders the chat and not
 * the whole page. Anything it does not know, and a connection (re)opening, re-renders everything.
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

  /**
   * Whether the change touched only a session's chat (lines, script output): pages without one skip
   * it.
   */
  static boolean onlyChat(String whats) {
    return of(whats).equals(Set.of(FEED));
  }

  static Set<String> of(String whats) {
    if (whats == null || whats.isBlank()) {
      return ALL;
    }
    Set<String> parts = new LinkedHashSet<>();
    for (String what : whats.split(",")) {
      switch (what.trim()) {
        case "chat", "output" -> parts.add(FEED);
        case "run" -> parts.addAll(List.of(FEED, RUNS));
        case "CONSENT_ASKED", "CONSENT_GRANTED", "CONSENT_DECLINED" ->
            parts.addAll(List.of(RUNS, REPORT));
        // a script's or a run's end (also by time-out, refusal, expiry) shows in the chat too
        case "SCRIPT_FINISHED", "RUN_ENDED", "COMMAND_EXPIRED", "COMMAND_REFUSED" ->
            parts.addAll(List.of(FEED, RUNS, REPORT));
        default -> {
          return ALL;
        }
      }
    }
    return parts;
  }
}
