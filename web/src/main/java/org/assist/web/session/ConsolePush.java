package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.assist.application.chat.ChatLinesAdded;
import org.assist.application.session.SessionChanged;
import org.assist.application.session.SessionChanged.Part;
import org.assist.infrastructure.PerTransaction;
import org.assist.protocol.JsonCodec;
import org.assist.web.chat.SessionFeed;

/**
 * Tells the session's technician's open consoles what changed, once the change is committed, in two
 * ways. A new chat line travels whole and at once, in each console's language, and the page adds it
 * ({@code Assist.addLines} in live.js): a script's end shows within milliseconds. Any other change
 * travels as a notice of its kinds (the session id and {@code what}), after which the page reloads
 * the parts it touched ({@code assistLive}, {@link LiveParts}) with the usual checks; notices are
 * gathered for a tenth of a second, so a burst of changes makes one reload, after the burst rather
 * than in its middle.
 */
@ApplicationScoped
public class ConsolePush {
  private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private static final Logger LOG = Logger.getLogger(ConsolePush.class.getName());

  private record Target(String technician, long sessionId) {}

  /** The parts changed, gathered for a console, since {@code since} (nanoTime). */
  private record Pending(Set<Part> parts, long since) {}

  @Resource private ManagedThreadFactory threads;
  @Resource private TransactionSynchronizationRegistry transactions;
  private final BlockingQueue<ChatLinesAdded> lines = new LinkedBlockingQueue<>();
  private PerTransaction<ChatLinesAdded> committedLines;
  private final Map<Target, Pending> pending = new ConcurrentHashMap<>();
  private Thread sender;

  @PostConstruct
  void start() {
    committedLines = PerTransaction.afterCommit(transactions, lines::addAll);
    // one thread sends everything, in order; a thread of its own rather than a scheduled task: the
    // server refuses (and logs) scheduled tasks while it shuts down, before this bean is destroyed
    sender = threads.newThread(this::sendForever);
    sender.setName("assist-console-push");
    sender.setDaemon(true);
    sender.start();
  }

  @PreDestroy
  void stop() {
    sender.interrupt();
  }

  /** Sent once the transaction commits, in the order added: a script's output before its end. */
  void added(@Observes ChatLinesAdded added) {
    committedLines.add(added);
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
    pending.merge(
        new Target(change.technician(), change.sessionId()),
        new Pending(change.parts(), System.nanoTime()),
        (a, b) -> new Pending(union(a.parts(), b.parts()), a.since()));
  }

  private void sendForever() {
    try {
      while (true) {
        ChatLinesAdded line = lines.poll(untilNextNotice(), TimeUnit.NANOSECONDS);
        try {
          if (line != null) {
            send(line);
          }
          sendDueNotices();
        } catch (RuntimeException | Error e) {
          // this thread sends every console's updates: it must not die
          LOG.log(Level.WARNING, "Live update not sent", e);
        }
      }
    } catch (InterruptedException e) {
      // stopped
    }
  }

  private long untilNextNotice() {
    long now = System.nanoTime();
    long wait = GATHER_NANOS;
    for (Pending gathered : pending.values()) {
      wait = Math.min(wait, gathered.since() + GATHER_NANOS - now);
    }
    return Math.max(0, wait);
  }

  private void send(ChatLinesAdded added) {
    ConsolePushEndpoint.send(
        added.technician(),
        (Locale locale) -> {
          List<SessionFeed.Item> shown =
              added.lines().stream()
                  .flatMap(line -> SessionFeed.of(line, locale).stream())
                  .toList();
          if (shown.isEmpty()) {
            // output past what the chat shows
            return null;
          }
          JsonArrayBuilder items = JsonCodec.array();
          shown.forEach(item -> items.add(item.toJson()));
          return JsonCodec.object()
              .add("session", added.sessionId())
              .add("lines", items)
              .build()
              .toString();
        });
  }

  private void sendDueNotices() {
    long now = System.nanoTime();
    for (Map.Entry<Target, Pending> entry : pending.entrySet()) {
      if (now - entry.getValue().since() >= GATHER_NANOS
          && pending.remove(entry.getKey(), entry.getValue())) {
        Target target = entry.getKey();
        String notice =
            JsonCodec.object()
                .add("session", target.sessionId())
                .add("what", LiveParts.what(entry.getValue().parts()))
                .build()
                .toString();
        ConsolePushEndpoint.send(target.technician(), locale -> notice);
      }
    }
  }

  private static Set<Part> union(Set<Part> a, Set<Part> b) {
    Set<Part> both = new HashSet<>(a);
    both.addAll(b);
    return both;
  }
}
