package org.assist.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.assist.application.session.SessionChanged.Part;
import org.junit.jupiter.api.Test;

class LivePartsTest {
  @Test
  void aRunsProgressReRendersTheRunsAndItsEndTheReportToo() {
    assertEquals("runs", LiveParts.what(Set.of(Part.RUNS)));
    assertEquals(Set.of("runs"), LiveParts.of(LiveParts.what(Set.of(Part.RUNS))));
    assertEquals(
        Set.of("runs", "report"), LiveParts.of(LiveParts.what(Set.of(Part.REPORT, Part.RUNS))));
    assertEquals(Set.of("report"), LiveParts.of("report"));
  }

  @Test
  void theSessionItselfReRendersEverythingTheChatIncluded() {
    assertEquals(LiveParts.ALL, LiveParts.of("runs,session"));
    assertEquals(LiveParts.ALL, LiveParts.of(LiveParts.what(Set.of(Part.SESSION))));
  }

  @Test
  void aNoticeItCannotReadReRendersEverything() {
    assertEquals(LiveParts.ALL, LiveParts.of(null));
    assertEquals(LiveParts.ALL, LiveParts.of(""));
    assertEquals(LiveParts.ALL, LiveParts.of("something new"));
  }
}
