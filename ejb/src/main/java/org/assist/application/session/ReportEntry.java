package org.assist.application.session;

import java.time.Instant;
import org.assist.application.run.RunDetails;
import org.assist.domain.report.EventKind;
import org.assist.domain.report.SessionEvent;

/**
 * One entry of a session's report.
 *
 * @param actor who acted: a technician's user name, {@link SessionReport#CUSTOMER}, {@link
 *     SessionReport#SYSTEM}, or the author's name of a technician's chat line
 * @param detail what the entry says beyond its kind; a chat line's text (untrusted text)
 * @param script the script step whose end the entry tells, or null
 */
public record ReportEntry(
    long id,
    Instant at,
    EventKind kind,
    String actor,
    String detail,
    String commandId,
    Script script) {

  /**
   * A script step that ended: what ran, how, and the beginning of what it printed.
   *
   * @param output the step's output as it came, stdout and stderr in order (untrusted text)
   * @param outputCut whether more output is kept than {@code output} shows
   */
  public record Script(RunDetails.Step step, String output, boolean outputCut) {}

  static ReportEntry of(SessionEvent event, Script script) {
    return new ReportEntry(
        event.getId(),
        event.getAt(),
        event.getKind(),
        event.getActor(),
        event.getDetail(),
        event.getCommandId(),
        script);
  }
}
