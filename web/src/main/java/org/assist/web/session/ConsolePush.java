package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.assist.application.SessionChanged;

/**
 * Tells the session's technician's open consoles that something changed, once the change is
 * committed; their pages then reload what they show (see {@code assistLive} in the pages). Only the
 * session id and the kind of change travel; the data is read with the usual checks. Changes are
 * gathered for a tenth of a second, so a script writing thousands of lines makes a few reloads, not
 * thousands.
 */
@ApplicationScoped
public class ConsolePush {
  private static final long GATHER_MILLIS = 50;

  @Resource private ManagedScheduledExecutorService scheduler;
  private final Map<String, SessionChanged> pending = new ConcurrentHashMap<>();
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
    pending.put(change.technician() + "/" + change.sessionId(), change);
  }

  private void flush() {
    for (String key : pending.keySet()) {
      SessionChanged change = pending.remove(key);
      if (change != null) {
        ConsolePushEndpoint.send(
            change.technician(),
            Json.createObjectBuilder()
                .add("session", change.sessionId())
                .add("what", change.what())
                .build()
                .toString());
      }
    }
  }
}
