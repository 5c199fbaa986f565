package org.assist.web.session;

import jakarta.faces.context.FacesContext;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.assist.application.session.SessionChanged.Part;

/**
 * The components of a session's page that a pushed notice touches: its {@code what} names the
 * {@link Part}s the server chose (comma separated, lower case), so that a script's end re-renders
 * the runs and the report, not the whole page. The chat is re-rendered only with everything: its
 * lines come whole, pushed. A notice it cannot read, and a connection (re)opening, re-render
 * everything.
 */
public final class LiveParts {
  static final String FEED = "feed";
  static final String RUNS = "runs";
  static final String REPORT = "report";
  static final Set<String> ALL = Set.of("iconbar", "line", FEED, RUNS, REPORT);

  private LiveParts() {}

  /** How a notice names these parts. */
  static String what(Set<Part> parts) {
    return String.join(
        ",", parts.stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
  }

  /** A parameter of the live update being handled ({@code session}, {@code what}), or null. */
  public static String notice(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  /** The components to re-render for a notice's {@code what}. */
  static Set<String> of(String what) {
    if (what == null || what.isBlank()) {
      return ALL;
    }
    Set<String> components = new LinkedHashSet<>();
    for (String name : what.split(",")) {
      Part part;
      try {
        part = Part.valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return ALL;
      }
      switch (part) {
        case SESSION -> {
          return ALL;
        }
        case RUNS -> components.add(RUNS);
        case REPORT -> components.add(REPORT);
      }
    }
    return components;
  }
}
