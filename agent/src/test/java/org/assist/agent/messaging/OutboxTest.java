package org.assist.agent.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assist.protocol.ChatText;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Event;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.RateBudget;
import org.assist.protocol.RunFinished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  @TempDir Path folder;

  private static Event output(int seq) {
    return Event.of("command-1", new OutputChunk(0, seq, false, "line " + seq + " é\n"));
  }

  @Test
  void whatFailedToGoIsSentAgainInOrderWithTheSameIds() throws Exception {
    List<Event> received = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    List<Event> added = new ArrayList<>();
    try (Outbox outbox = new Outbox(folder)) {
      for (int i = 0; i < 250; i++) {
        Event event = output(i);
        added.add(event);
        outbox.add(event);
      }
      outbox.start(
          events -> {
            // the link is down for the first two tries: nothing of those batches arrived
            if (calls.incrementAndGet() <= 2) {
              throw new IllegalStateException("link down");
            }
            received.addAll(events);
          });
      assertTrue(outbox.awaitEmpty(30_000), "everything sent");
    }
    assertEquals(added, received, "each event once, in order, with its own id");
    assertTrue(calls.get() >= 5, "in batches of at most " + Outbox.BATCH);
    assertEquals(0, files(), "nothing left on disk");
  }

  @Test
  void whatMayWaitGoesWithTheNextEventThatMayNot() throws Exception {
    List<List<Event>> batches = new ArrayList<>();
    Event consent = Event.of("command-1", new ConsentAnswer(true, ConsentAnswer.How.POLICY));
    Event end = Event.of("command-1", new RunFinished(true, null));
    // kept back far longer than this test takes: only the end can make them go
    try (Outbox outbox = new Outbox(folder, 60_000)) {
      outbox.start(
          events -> {
            synchronized (batches) {
              batches.add(List.copyOf(events));
            }
          });
      outbox.add(consent, true);
      outbox.add(output(0), true);
      outbox.add(end, false);
      assertTrue(outbox.awaitEmpty(30_000), "everything sent");
    }
    synchronized (batches) {
      assertEquals(1, batches.size(), "one message: " + batches);
      assertEquals(List.of("CONSENT", "OUTPUT", "RUN_FINISHED"), types(batches.get(0)));
    }
  }

  @Test
  void whatMayWaitGoesAloneOnceItHasWaited() throws Exception {
    long[] sentAfter = new long[1];
    List<Event> received = new ArrayList<>();
    try (Outbox outbox = new Outbox(folder, 200)) {
      long added = System.nanoTime();
      outbox.start(
          events -> {
            synchronized (received) {
              sentAfter[0] = System.nanoTime() - added;
              received.addAll(events);
            }
          });
      outbox.add(output(0), true);
      assertTrue(outbox.awaitEmpty(30_000), "sent without company");
    }
    synchronized (received) {
      assertEquals(List.of("OUTPUT"), types(received));
      assertTrue(sentAfter[0] >= 200_000_000L, "kept back first: sent after " + sentAfter[0]);
    }
  }

  private static List<String> types(List<Event> events) {
    return events.stream().map(e -> e.type().name()).toList();
  }

  @Test
  void whatPiledUpGoesNoFasterThanTheServersBudget() throws Exception {
    int piled = 1200;
    long[] sentAt = new long[piled];
    AtomicInteger sent = new AtomicInteger();
    try (Outbox outbox = Outbox.inMemory()) {
      for (int i = 0; i < piled; i++) {
        outbox.add(output(i));
      }
      long start = System.nanoTime();
      outbox.start(
          events -> {
            for (int i = 0; i < events.size(); i++) {
              sentAt[sent.getAndIncrement()] = System.nanoTime() - start;
            }
          });
      assertTrue(outbox.awaitEmpty(30_000));
    }
    // a burst of half the server's (1,000), then the rest at 180 a second
    double burst = RateBudget.EVENTS.burst() / 2;
    long atOnce = java.util.Arrays.stream(sentAt).filter(t -> t < 300_000_000L).count();
    assertTrue(atOnce >= burst - 1 && atOnce <= burst + 60, atOnce + " sent in the first 0.3 s");
    assertTrue(sentAt[piled - 1] > 900_000_000L, "the last after " + sentAt[piled - 1] + " ns");
  }

  @Test
  void whatWasNotSentBeforeTheAgentStoppedGoesAtItsNextStart() throws Exception {
    Event first = output(0);
    Event chat = Event.of(null, ChatText.fromCustomer("Bonjour, ça ne marche pas"));
    try (Outbox before = new Outbox(folder)) {
      before.add(first);
      before.add(chat);
    }
    assertEquals(2, files());
    List<Event> received = new ArrayList<>();
    try (Outbox after = new Outbox(folder)) {
      assertEquals(2, after.size());
      after.start(received::addAll);
      assertTrue(after.awaitEmpty(30_000));
    }
    assertEquals(List.of(first, chat), received);
  }

  @Test
  void anUnreadableFileIsDroppedAndTheRestGoes() throws Exception {
    Files.writeString(folder.resolve("0000000000000000.event"), "garbage");
    try (Outbox before = new Outbox(folder)) {
      before.add(output(7));
    }
    try (Outbox after = new Outbox(folder)) {
      assertEquals(1, after.size());
    }
  }

  @Test
  void anEndedSessionForgetsWhatWaits() throws Exception {
    try (Outbox outbox = new Outbox(folder)) {
      outbox.add(output(0));
      outbox.clear();
      assertEquals(0, outbox.size());
    }
    assertEquals(0, files());
  }

  private long files() throws Exception {
    try (Stream<Path> listed = Files.list(folder)) {
      return listed.count();
    }
  }
}
