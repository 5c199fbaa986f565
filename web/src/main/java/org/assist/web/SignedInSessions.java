package org.assist.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.assist.application.technician.SignOutEverywhere;
import org.assist.web.session.ConsolePushEndpoint;

/**
 * The console sessions of each signed-in technician (noted by {@link AccountStatusFilter}), so that
 * an account can be signed out everywhere at once: when it is disabled, and of its other consoles
 * when its password changes. A session signed out is refused at its next request (by the filter)
 * and its live connections are closed now.
 */
@WebListener
@ApplicationScoped
public class SignedInSessions implements HttpSessionListener {
  private static final Map<String, Set<String>> BY_USER = new ConcurrentHashMap<>();
  private static final Set<String> SIGNED_OUT = ConcurrentHashMap.newKeySet();

  /** This console session (its id) belongs to this (normalized) user name. */
  static void remember(String user, String sessionId) {
    BY_USER.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(sessionId);
  }

  /** Whether this console session was signed out since its last request. */
  static boolean isSignedOut(String sessionId) {
    return SIGNED_OUT.contains(sessionId);
  }

  /** Signs the user out of every console but the one of {@code keepId} (null: all). */
  public static void signOut(String user, String keepId) {
    for (String id : BY_USER.getOrDefault(user, Set.of())) {
      if (!id.equals(keepId)) {
        SIGNED_OUT.add(id);
      }
    }
    // the consoles still signed in connect again by themselves
    ConsolePushEndpoint.closeAll(user);
  }

  void signOut(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignOutEverywhere event) {
    signOut(event.username(), null);
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    String id = event.getSession().getId();
    SIGNED_OUT.remove(id);
    BY_USER.values().forEach(ids -> ids.remove(id));
  }
}
