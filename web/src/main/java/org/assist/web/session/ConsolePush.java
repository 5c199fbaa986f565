package org.assist.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import org.assist.application.SessionChanged;

/**
 * Tells the session's technician's open consoles that something changed, once the change is
 * committed; their pages then reload what they show (see {@code assistLive} in the pages). Only the
 * session id and the kind of change travel; the data is read with the usual checks.
 */
@ApplicationScoped
public class ConsolePush {
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
    ConsolePushEndpoint.send(
        change.technician(),
        Json.createObjectBuilder()
            .add("session", change.sessionId())
            .add("what", change.what())
            .build()
            .toString());
  }
}
