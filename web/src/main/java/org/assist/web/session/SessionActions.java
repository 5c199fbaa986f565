package org.assist.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assist.application.AssistException;
import org.assist.application.login.LogInService;
import org.assist.application.restart.RestartService;
import org.assist.application.session.SupportSessionService;
import org.assist.application.sysinfo.SystemInfoService;
import org.assist.web.Notices;

/**
 * The actions of a session's icon bar, the same on the dashboard, the session page and the
 * multi-session window.
 */
@Named
@RequestScoped
public class SessionActions {
  @Inject private SystemInfoService systemInfo;
  @Inject private SupportSessionService sessions;
  @Inject private RestartService restarts;
  @Inject private LogInService logIns;

  /** Asks the customer for their system information and opens the window that shows it. */
  public String systemInfo(long sessionId) {
    try {
      systemInfo.request(sessionId);
      return "/sessions/sysinfo?faces-redirect=true&session=" + sessionId;
    } catch (AssistException e) {
      Notices.refused(e, null);
      return null;
    }
  }

  /** Asks the customer to let the computer restart; the session shows what follows. */
  public void restart(long sessionId) {
    try {
      restarts.request(sessionId);
      Notices.info("restart.asked");
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }

  /** Asks the customer to let the technician log in as another user (the credentials follow). */
  public void logIn(long sessionId) {
    try {
      logIns.logIn(sessionId, null);
      Notices.info("logIn.asked");
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }

  /** Stops working as the other account: the customer gets the computer back. */
  public void logOff(long sessionId) {
    try {
      logIns.logOff(sessionId);
      Notices.info("logIn.offAsked");
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }

  public void end(long sessionId) {
    try {
      Notices.info("session.ended", sessions.end(sessionId).displayNumber());
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }
}
