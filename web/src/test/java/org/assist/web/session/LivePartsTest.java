package org.assist.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.assist.domain.report.EventKind;
import org.junit.jupiter.api.Test;

class LivePartsTest {
  @Test
  void aRunsProgressReRendersTheRunsAndItsEndTheReportToo() {
    assertEquals(Set.of("runs"), LiveParts.of("run"));
    assertEquals(Set.of("runs", "report"), LiveParts.of("SCRIPT_FINISHED,run"));
    assertEquals(Set.of("runs", "report"), LiveParts.of("RUN_ENDED"));
    assertEquals(Set.of("runs", "report"), LiveParts.of("CONSENT_ASKED"));
  }

  @Test
  void theChatIsReRenderedOnlyWithEverything() {
    for (EventKind kind : EventKind.values()) {
      Set<String> parts = LiveParts.of(kind.name());
      assertTrue(!parts.contains("feed") || parts.equals(LiveParts.ALL), kind.name());
    }
  }

  @Test
  void theCustomerComingOrGoingAndUnknownChangesReRenderEverything() {
    assertEquals(LiveParts.ALL, LiveParts.of(null));
    assertEquals(LiveParts.ALL, LiveParts.of(""));
    assertEquals(LiveParts.ALL, LiveParts.of("run,CUSTOMER_OFFLINE"));
    assertEquals(LiveParts.ALL, LiveParts.of("hello"));
    assertEquals(LiveParts.ALL, LiveParts.of("something new"));
  }

  @Test
  void everyReportKindIsAPartOfThePage() {
    for (EventKind kind : EventKind.values()) {
      assertTrue(LiveParts.of(kind.name()).contains("report"), kind.name());
    }
  }
}
