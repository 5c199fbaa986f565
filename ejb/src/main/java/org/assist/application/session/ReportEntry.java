package org.assist.application.session;

import java.time.Instant;
import org.assist.domain.report.EventKind;
import org.assist.domain.report.SessionEvent;

/** One entry of a session's report. */
public record ReportEntry(
    long id, Instant at, EventKind kind, String actor, String detail, String commandId) {
  static ReportEntry of(SessionEvent event) {
    return new ReportEntry(
        event.getId(),
        event.getAt(),
        event.getKind(),
        event.getActor(),
        event.getDetail(),
        event.getCommandId());
  }
}
