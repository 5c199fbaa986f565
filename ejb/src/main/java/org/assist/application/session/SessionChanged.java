package org.assist.application.session;

import java.util.Set;

/**
 * Something on a session changed that open consoles should show at once (presence, an answer, new
 * system information, a run's progress). Fired as a CDI event; sent to the consoles once the change
 * is committed.
 *
 * @param technician user name of the session's technician, whose consoles are told
 * @param parts what the change touched
 */
public record SessionChanged(long sessionId, String technician, Set<Part> parts) {
  /** What of a session a change touches, so that consoles reload only that. */
  public enum Part {
    /** The session itself (its state, its customer, what may be done now): everything shown. */
    SESSION,
    /** The progress of its runs. */
    RUNS,
    /** Its report. */
    REPORT
  }

  public SessionChanged(long sessionId, String technician, Part part) {
    this(sessionId, technician, Set.of(part));
  }
}
