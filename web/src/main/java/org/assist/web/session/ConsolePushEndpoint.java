package org.assist.web.session;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.assist.application.technician.NewTechnician;
import org.assist.web.LanguageView;

/**
 * The console's live-update socket, {@code /assist/push?lang=en}. It sits behind the console's
 * sign-in (the upgrade request needs a signed-in technician), and each technician receives only the
 * updates about their own sessions, in the language of the page that opened the socket.
 */
@ServerEndpoint("/push")
public class ConsolePushEndpoint {
  private static final Logger LOG = Logger.getLogger(ConsolePushEndpoint.class.getName());

  private static final Map<String, Set<Session>> BY_USER = new ConcurrentHashMap<>();

  @OnOpen
  public void open(Session session) throws IOException {
    Principal principal = session.getUserPrincipal();
    if (principal == null) {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
      return;
    }
    String user = NewTechnician.normalizeUsername(principal.getName());
    session.getUserProperties().put("user", user);
    List<String> lang = session.getRequestParameterMap().get("lang");
    session
        .getUserProperties()
        .put("locale", LanguageView.supported(lang == null || lang.isEmpty() ? null : lang.get(0)));
    BY_USER.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(session);
  }

  @OnClose
  public void close(Session session) {
    Object user = session.getUserProperties().get("user");
    if (user != null) {
      BY_USER.computeIfPresent(
          (String) user,
          (u, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
          });
      if (!BY_USER.containsKey((String) user)) {
        // the technician's last console closed, or moves to another page: watched for a while
        jakarta
            .enterprise
            .inject
            .spi
            .CDI
            .current()
            .select(ConsoleWatch.class)
            .get()
            .lastClosed((String) user);
      }
    }
  }

  @OnError
  public void error(Session session, Throwable error) {
    close(session);
  }

  /** Whether this technician has a console open. */
  static boolean hasConsole(String user) {
    return BY_USER.containsKey(user);
  }

  /** Closes every live connection of this user: they were signed out. */
  public static void closeAll(String user) {
    for (Session session : BY_USER.getOrDefault(user, Set.of())) {
      try {
        session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "signed out"));
      } catch (IOException | RuntimeException e) {
        // closing anyway
      }
    }
  }

  /**
   * Sends an update, written in each console's language, to every open console of this technician;
   * nothing where it is written as null.
   */
  static void send(String user, Function<Locale, String> json) {
    Map<Locale, String> written = new HashMap<>();
    for (Session session : BY_USER.getOrDefault(user, Set.of())) {
      try {
        Locale locale = (Locale) session.getUserProperties().get("locale");
        String text = written.computeIfAbsent(locale, json);
        if (session.isOpen() && text != null) {
          session.getAsyncRemote().sendText(text);
        }
      } catch (RuntimeException e) {
        // a connection closing meanwhile; the user's other consoles still get the notice
        LOG.log(Level.FINE, "Live update not sent to a closing console", e);
      }
    }
  }
}
