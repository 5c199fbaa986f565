package org.assist.web.session;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Map;
import org.assist.application.SessionChanged;

/**
 * Tells the session's technician's open consoles that something changed, once the change is
 * committed; their pages then reload what they show (see {@code assistLive} in the pages). Only the
 * session id and the kind of change travel; the data is read with the usual checks.
 *
 * <p>Sent from a worker thread: besides not holding up the caller, Mojarra builds a push context
 * from the current HTTP session when there is one, and fails when that request has none (REST
 * calls, message-driven beans), so it is built where no session is active.
 */
@ApplicationScoped
public class ConsolePush {
  @Inject
  @Push(channel = "assist")
  private Instance<PushContext> push;

  @Resource private ManagedExecutorService executor;

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
    executor.execute(
        () ->
            push.get()
                .send(
                    Map.of("session", change.sessionId(), "what", change.what()),
                    change.technician()));
  }
}
