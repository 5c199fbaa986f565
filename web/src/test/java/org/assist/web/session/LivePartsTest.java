package org.assist.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.assist.domain.report.EventKind;
import org.junit.jupiter.api.Test;

class LivePartsTest {
  @Test
  void outputAndChatReRenderOnlyTheChat() {
    assertEquals(Set.of("feed"), LiveParts.of("output"));
    assertEquals(Set.of("feed"), LiveParts.of("chat,output"));
  }

  @Test
  void pagesWithoutAChatSkipOnlyChatChanges() {
    assertTrue(LiveParts.onlyChat("output"));
    assertTrue(LiveParts.onlyChat("chat,output"));
    assertTrue(!LiveParts.onlyChat("output,run"));
    assertTrue(!LiveParts.onlyChat(null));
  }

  @Test
  void aScriptsStartOrEndReRendersChatRunsAndReport() {
    assertEquals(Set.of("feed", "runs"), LiveParts.of("run"));
    assertEquals(Set.of("feed", "runs", "report"), LiveParts.of("SCRIPT_FINISHED,output,run"));
    assertEquals(Set.of("feed", "runs", "report"), LiveParts.of("SCRIPT_FINISHED"));
    assertEquals(Set.of("feed", "runs", "report"), LiveParts.of("RUN_ENDED"));
    assertEquals(Set.of("runs", "report"), LiveParts.of("CONSENT_ASKED"));
  }

  @Test
  void theCustomerComingOrGoingAndUnknownChangesReRenderEverything() {
    assertEquals(LiveParts.ALL, LiveParts.of(null));
    assertEquals(LiveParts.ALL, LiveParts.of(""));
    assertEquals(LiveParts.ALL, LiveParts.of("output,CUSTOMER_OFFLINE"));
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
