package org.assist.agent.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assist.protocol.Event;
import org.assist.protocol.EventType;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.Protocol;
import org.assist.protocol.RateBudget;

/**
 * What the agent must tell the server (a script's start, output and end, a consent answer, a
 * refusal, a chat line...) and the broker has not confirmed yet. Events wait here in order, in
 * memory and as one small file each in the outbox folder, and one thread sends them in batches,
 * each batch in one broker transaction: an event leaves the outbox only once its batch is committed
 * (the broker then has it on disk). A link or a server that dies meanwhile loses nothing: the rest
 * goes again once the link is back, or at the agent's next start, with the same event ids, and the
 * server drops any it already had. What piled up while the server was out of reach goes no faster
 * than the server's budgets for an agent ({@link RateBudget#EVENTS}, {@link RateBudget#CHAT}), so
 * that none of it is dropped there.
 *
 * <p>An event that {@linkplain #add(Event, boolean) may wait} (a script's output, its end, the yes
 * to a run) is on disk at once but is sent only with the next event that may not, or after {@link
 * #WAIT_MILLIS}: a quick script's consent, output and end reach the server as one message, applied
 * there in one transaction, instead of one message and one transaction each.
 */
public final class Outbox implements AutoCloseable {
  /** Most events sent in one transaction. */
  static final int BATCH = 100;

  private static final long MAX_PAUSE_MILLIS = 5000;

  /** Longest an event that may wait is kept back for company. */
  static final long WAIT_MILLIS = 50;

  /** Sends events to the broker, all or none. */
  @FunctionalInterface
  public interface Sender {
    void sendAll(List<Event> events) throws Exception;
  }

  /** An event, and from when it is to be sent ({@link System#nanoTime()}). */
  private record Entry(long number, Event event, long due) {}

  /** Null when the outbox is in memory only. */
  private final Path folder;

  private final long waitNanos;

  private final Deque<Entry> pending = new ArrayDeque<>();
  private final RateBudget events = new RateBudget(RateBudget.EVENTS.withMargin());
  private final RateBudget chat = new RateBudget(RateBudget.CHAT.withMargin());
  private long next;
  private boolean closed;
  private Thread thread;

  /** An outbox kept in this folder (made if missing), with what an earlier start left there. */
  public Outbox(Path folder) throws IOException {
    this(folder, WAIT_MILLIS);
  }

  /** The same, keeping events that may wait back this long at most. */
  Outbox(Path folder, long waitMillis) throws IOException {
    this.folder = folder;
    this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    if (folder == null) {
      return;
    }
    Files.createDirectories(folder);
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.filter(f -> f.getFileName().toString().endsWith(".event")).sorted().toList();
    }
    for (Path file : files) {
      long number;
      try {
        number = Long.parseLong(file.getFileName().toString().replace(".event", ""));
      } catch (NumberFormatException e) {
        Files.deleteIfExists(file);
        continue;
      }
      next = Math.max(next, number + 1);
      Event event = read(file);
      if (event == null) {
        Files.deleteIfExists(file);
      } else {
        pending.add(new Entry(number, event, 0));
      }
    }
  }

  /** An outbox in memory only (a simulated agent of the load client). */
  public static Outbox inMemory() {
    try {
      return new Outbox(null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keeps the event until the broker has it, and sends it now. */
  public void add(Event event) {
    add(event, false);
  }

  /**
   * Keeps the event until the broker has it; one that may wait goes with the next one that may not,
   * or {@link #WAIT_MILLIS} from now.
   */
  public synchronized void add(Event event, boolean mayWait) {
    long number = next++;
    if (folder != null) {
      try {
        Files.write(file(number), write(event));
      } catch (IOException e) {
        // still sent from memory; only a crash of the agent before then would lose it
      }
    }
    long now = System.nanoTime();
    pending.add(new Entry(number, event, mayWait ? now + waitNanos : now));
    notifyAll();
  }

  public synchronized int size() {
    return pending.size();
  }

  /** Starts sending, on a thread of its own, until closed. */
  public synchronized void start(Sender sender) {
    if (thread != null) {
      return;
    }
    thread = new Thread(() -> sendLoop(sender), "assist-outbox");
    thread.setDaemon(true);
    thread.start();
  }

  /** Forgets everything waiting (the session ended: nothing more may be said in it). */
  public synchronized void clear() {
    while (!pending.isEmpty()) {
      forget(pending.removeFirst());
    }
    notifyAll();
  }

  /** Waits until everything was sent, at most this long; whether it was. */
  public synchronized boolean awaitEmpty(long millis) throws InterruptedException {
    long until = System.currentTimeMillis() + millis;
    while (!pending.isEmpty()) {
      long left = until - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
  }

  private void sendLoop(Sender sender) {
    int failures = 0;
    while (true) {
      List<Entry> batch = new ArrayList<>();
      synchronized (this) {
        long waiting;
        while ((waiting = nanosUntilDue()) > 0 && !closed) {
          try {
            TimeUnit.NANOSECONDS.timedWait(this, waiting);
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        long now = System.nanoTime();
        for (Entry entry : pending) {
          if (batch.size() == BATCH || !withinBudget(entry.event(), now)) {
            break;
          }
          batch.add(entry);
        }
      }
      if (batch.isEmpty()) {
        // over budget: sent the moment the budget allows (a few milliseconds at its rate)
        if (!pause(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanosUntilWithinBudget()) + 1))) {
          return;
        }
        continue;
      }
      try {
        sender.sendAll(batch.stream().map(Entry::event).toList());
        failures = 0;
        sent(batch);
      } catch (Exception e) {
        // the link is down or the transaction was lost with it: the same batch goes again
        failures++;
        if (!pause(Math.min(MAX_PAUSE_MILLIS, 100L << Math.min(failures, 6)))) {
          return;
        }
      }
    }
  }

  /**
   * How long until something is to be sent: 0 if something is, {@link Long#MAX_VALUE} if nothing
   * waits. Events are sent in order, so everything waiting goes with the first that is due.
   */
  private long nanosUntilDue() {
    long now = System.nanoTime();
    long until = Long.MAX_VALUE;
    for (Entry entry : pending) {
      long left = entry.due() - now;
      if (left <= 0) {
        return 0;
      }
      until = Math.min(until, left);
    }
    return until;
  }

  /** How long until the first event waiting is within the budgets. */
  private synchronized long nanosUntilWithinBudget() {
    Entry first = pending.peekFirst();
    long now = System.nanoTime();
    long untilEvent = events.nanosUntilNext(now);
    return first != null && first.event().type() == EventType.CHAT
        ? Math.max(untilEvent, chat.nanosUntilNext(now))
        : untilEvent;
  }

  private boolean withinBudget(Event event, long now) {
    return (event.type() != EventType.CHAT || chat.take(now)) && events.take(now);
  }

  private synchronized boolean pause(long millis) {
    try {
      if (!closed) {
        wait(millis);
      }
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private synchronized void sent(List<Entry> batch) {
    for (Entry entry : batch) {
      // cleared meanwhile: nothing left to remove
      if (!pending.isEmpty() && pending.peekFirst().number() == entry.number()) {
        forget(pending.removeFirst());
      }
    }
    notifyAll();
  }

  private void forget(Entry entry) {
    if (folder != null) {
      try {
        Files.deleteIfExists(file(entry.number()));
      } catch (IOException e) {
        // sent again at the next start, and dropped by the server as a duplicate
      }
    }
  }

  private Path file(long number) {
    return folder.resolve(String.format("%016d.event", number));
  }

  /** An event as a file: its type, id and command id on a line each, then its JSON body. */
  private static byte[] write(Event event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head =
        event.type().name()
            + "\n"
            + event.id()
            + "\n"
            + (event.commandId() == null ? "" : event.commandId())
            + "\n";
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.write(JsonCodec.bytes(event.body().toJson()));
    return out.toByteArray();
  }

  /** The event in this file, or null when it cannot be read (it is then removed). */
  private static Event read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      String[] lines = text.split("\n", 4);
      if (lines.length < 4) {
        return null;
      }
      EventType type = EventType.valueOf(lines[0]);
      byte[] body = lines[3].getBytes(StandardCharsets.UTF_8);
      return new Event(
          lines[1],
          lines[2].isEmpty() ? null : lines[2],
          type.read(JsonCodec.parse(body, Protocol.MAX_EVENT_BYTES)));
    } catch (IOException | IllegalArgumentException | MalformedMessageException e) {
      return null;
    }
  }
}
