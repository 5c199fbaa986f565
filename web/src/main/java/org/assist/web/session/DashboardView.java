package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.primefaces.PrimeFaces;

/** The dashboard: start a session, see its number, and the technician's open sessions. */
@Named
@ViewScoped
public class DashboardView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  private SessionRow started;
  private List<SessionRow> open;

  @PostConstruct
  public void reload() {
    open = sessions.openOfCaller();
  }

  /** A live update (chat lines do not come here: this page shows none). */
  public void live() {
    reload();
    PrimeFaces.current().ajax().update("dashboard:open");
  }

  public void start() {
    started = sessions.start();
    reload();
  }

  public SessionRow getStarted() {
    return started;
  }

  public List<SessionRow> getOpen() {
    return open;
  }
}
