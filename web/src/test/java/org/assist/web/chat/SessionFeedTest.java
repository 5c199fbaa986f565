package org.assist.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.assist.application.chat.ChatLine;
import org.assist.application.run.RunDetails;
import org.assist.domain.run.StepState;
import org.junit.jupiter.api.Test;

class SessionFeedTest {
  private static final RunDetails.Step STEP = running(41, "Collect logs", 3, "a".repeat(64), false);

  /** A step of a run on one session that started just now. */
  private static RunDetails.Step running(
      long id, String name, int version, String sha256, boolean restart) {
    return new RunDetails.Step(
        id,
        7,
        0,
        name,
        version,
        sha256,
        null,
        60,
        StepState.RUNNING,
        Instant.now(),
        null,
        null,
        null,
        false,
        false,
        null,
        0,
        0,
        restart);
  }

  private static List<SessionFeed.Item> output(int seq, long bytesBefore, String text) {
    return SessionFeed.of(
        new ChatLine.Output(
            STEP, new RunDetails.Output(STEP.id(), seq, false, text, Instant.now()), bytesBefore),
        Locale.ENGLISH);
  }

  private static List<String> kinds(List<SessionFeed.Item> items) {
    return items.stream().map(item -> item.kind().css()).toList();
  }

  @Test
  void outputShowsWholeWithinTheChatsShare() {
    List<SessionFeed.Item> items = output(3, 1000, "line\n");
    assertEquals(List.of("output"), kinds(items));
    assertEquals("line\n", items.get(0).text());
    assertEquals("Collect logs v3", items.get(0).who());
  }

  @Test
  void theChunkThatCrossesTheShareIsCutAndSaysWhereTheRestIs() {
    List<SessionFeed.Item> items = output(10, SessionFeed.SHOWN_BYTES - 4, "abcdefgh");
    assertEquals(List.of("output", "more"), kinds(items));
    assertEquals("abcd", items.get(0).text());
    assertTrue(items.get(1).text().contains("Runs"), items.get(1).text());
    assertEquals(List.of(), output(11, SessionFeed.SHOWN_BYTES + 4, "more text"));
  }

  @Test
  void aCutNeverSplitsACharacter() {
    // "é" is two bytes: three bytes of room hold one of them, not one and a half
    List<SessionFeed.Item> items = output(1, SessionFeed.SHOWN_BYTES - 3, "ééé");
    assertEquals("é", items.get(0).text());
    assertEquals("é", SessionFeed.prefix("é\uD83D\uDE00", 5));
  }

  @Test
  void theChatShowsAtMostItsShareOfChunks() {
    assertEquals(List.of("output"), kinds(output(SessionFeed.SHOWN_CHUNKS - 1, 10, "x")));
    assertEquals(List.of("more"), kinds(output(SessionFeed.SHOWN_CHUNKS, 11, "x")));
    assertEquals(List.of(), kinds(output(SessionFeed.SHOWN_CHUNKS + 1, 12, "x")));
  }

  @Test
  void everyLineHasItsOwnName() {
    List<SessionFeed.Item> started = SessionFeed.of(new ChatLine.Started(STEP), Locale.ENGLISH);
    List<SessionFeed.Item> chunk = output(7, 0, "x");
    assertEquals("s41", started.get(0).id());
    assertEquals("o41-7", chunk.get(0).id());
  }

  /** A restart step has no script, so no SHA-256: its lines name the restart, never a null. */
  @Test
  void aRestartStepIsNamedInTheReadersLanguage() {
    RunDetails.Step restart = running(42, "restart", 0, null, true);
    SessionFeed.Item started = SessionFeed.of(new ChatLine.Started(restart), Locale.FRENCH).get(0);
    assertEquals("started", started.kind().css());
    assertEquals("Redémarrer l’ordinateur", started.who());
    assertEquals("", started.toJson().getString("text"));
    assertEquals(
        "Restart the computer",
        SessionFeed.of(new ChatLine.Started(restart), Locale.ENGLISH)
            .get(0)
            .toJson()
            .getString("who"));
  }
}
