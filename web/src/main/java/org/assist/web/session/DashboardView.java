package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.AssistException;
import org.assist.application.SupportSessionService;
import org.assist.domain.session.SupportSession;
import org.assist.web.Notices;

/** The dashboard: start a session, see its number, and the technician's open sessions. */
@Named
@ViewScoped
public class DashboardView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  private SupportSession started;
  private List<SupportSession> open;

  @PostConstruct
  void load() {
    open = sessions.openOfCaller();
  }

  public void start() {
    started = sessions.start();
    load();
  }

  public void end(long id) {
    try {
      SupportSession ended = sessions.end(id);
      Notices.info("session.ended", ended.getDisplayNumber());
      if (started != null && started.getId() == id) {
        started = null;
      }
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
    load();
  }

  public SupportSession getStarted() {
    return started;
  }

  public List<SupportSession> getOpen() {
    return open;
  }
}
