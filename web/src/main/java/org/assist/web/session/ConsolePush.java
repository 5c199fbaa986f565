package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.assist.application.SessionChanged;

/**
 * Tells the session's technician's open consoles that something changed, once the change is
 * committed; their pages then reload what the change touched (see {@code assistLive} in the pages
 * and {@link LiveParts}). Only the session id and the kinds of change travel; the data is read with
 * the usual checks. A session's first change goes at once; changes that follow within a twentieth
 * of a second are gathered into one notice, so a script writing thousands of lines makes a few
 * reloads, not thousands.
 */
@ApplicationScoped
public class ConsolePush {
  private static final long GATHER_MILLIS = 50;
  private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(GATHER_MILLIS);

  private static final Logger LOG = Logger.getLogger(ConsolePush.class.getName());

  private record Target(String technician, long sessionId) {}

  @Resource private ManagedThreadFactory threads;
  private final Map<Target, Set<String>> pending = new ConcurrentHashMap<>();
  private final Map<Target, Long> sentAt = new ConcurrentHashMap<>();
  private Thread flusher;

  @PostConstruct
  void start() {
    // a thread of its own rather than a scheduled task: the server refuses (and logs) scheduled
    // tasks while it shuts down, before this bean is destroyed
    flusher =
        threads.newThread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(GATHER_MILLIS);
                  try {
                    flush();
                  } catch (RuntimeException | Error e) {
                    // this thread sends every session's gathered notices: it must not die
                    LOG.log(Level.WARNING, "Live update not sent", e);
                  }
                }
              } catch (InterruptedException e) {
                // stopped
              }
            });
    flusher.setName("assist-console-push");
    flusher.setDaemon(true);
    flusher.start();
  }

  @PreDestroy
  void stop() {
    flusher.interrupt();
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
    Target target = new Target(change.technician(), change.sessionId());
    pending.merge(target, Set.of(change.what()), ConsolePush::union);
    Long last = sentAt.get(target);
    if (last == null || System.nanoTime() - last >= GATHER_NANOS) {
      send(target);
    }
  }

  private void flush() {
    pending.keySet().forEach(this::send);
    long now = System.nanoTime();
    sentAt.values().removeIf(at -> now - at > GATHER_NANOS);
  }

  private void send(Target target) {
    Set<String> whats = pending.remove(target);
    if (whats != null) {
      sentAt.put(target, System.nanoTime());
      ConsolePushEndpoint.send(
          target.technician(),
          Json.createObjectBuilder()
              .add("session", target.sessionId())
              .add("what", String.join(",", new TreeSet<>(whats)))
              .build()
              .toString());
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.addAll(b);
    return both;
  }
}
