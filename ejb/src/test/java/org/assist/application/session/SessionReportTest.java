package org.assist.application.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.assist.application.session.SessionChanged.Part;
import org.assist.domain.report.EventKind;
import org.junit.jupiter.api.Test;

class SessionReportTest {
  @Test
  void anAnswerOrAScriptsEndTouchesTheRunsAndTheReport() {
    assertEquals(Set.of(Part.RUNS, Part.REPORT), SessionReport.parts(EventKind.CONSENT_GRANTED));
    assertEquals(Set.of(Part.RUNS, Part.REPORT), SessionReport.parts(EventKind.SCRIPT_FINISHED));
    assertEquals(Set.of(Part.REPORT), SessionReport.parts(EventKind.SYSTEM_INFO_COLLECTED));
  }

  @Test
  void theCustomerComingOrGoingTouchesTheWholeSession() {
    for (EventKind kind :
        new EventKind[] {
          EventKind.CUSTOMER_JOINED,
          EventKind.CUSTOMER_ONLINE,
          EventKind.CUSTOMER_OFFLINE,
          EventKind.SESSION_ENDED
        }) {
      assertEquals(Set.of(Part.SESSION), SessionReport.parts(kind), kind.name());
    }
  }
}
