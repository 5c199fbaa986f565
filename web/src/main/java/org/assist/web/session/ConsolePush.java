package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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

  private record Target(String technician, long sessionId) {}

  @Resource private ManagedScheduledExecutorService scheduler;
  private final Map<Target, Set<String>> pending = new ConcurrentHashMap<>();
  private final Map<Target, Long> sentAt = new ConcurrentHashMap<>();
  private ScheduledFuture<?> flusher;

  @PostConstruct
  void start() {
    flusher =
        scheduler.scheduleWithFixedDelay(
            this::flush, GATHER_MILLIS, GATHER_MILLIS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    flusher.cancel(false);
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
