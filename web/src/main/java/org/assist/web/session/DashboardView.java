package org.assist.web.session;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The dashboard: start a session, see its number, and the technician's open sessions, one page at a
 * time (a help desk with thousands open renders twenty rows, not thousands).
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  private SessionRow started;
  private final LazyDataModel<SessionRow> open = new OpenSessions();

  /** The caller's open sessions, loaded one page at a time. */
  private final class OpenSessions extends LazyDataModel<SessionRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, sessions.countOpenOfCaller());
    }

    @Override
    public List<SessionRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return sessions.openOfCaller(first, pageSize);
    }

    @Override
    public String getRowKey(SessionRow session) {
      return String.valueOf(session.id());
    }
  }

  /** A live update (chat lines do not come here: this page shows none): the page shown again. */
  public void live() {
    PrimeFaces.current().ajax().update("dashboard:open");
  }

  public void start() {
    started = sessions.start();
  }

  public SessionRow getStarted() {
    return started;
  }

  public LazyDataModel<SessionRow> getOpen() {
    return open;
  }
}
