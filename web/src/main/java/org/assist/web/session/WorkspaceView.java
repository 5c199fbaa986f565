package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.SupportSessionService;
import org.assist.domain.session.SupportSession;

/** The multi-session window: one tab per open session of the technician. */
@Named
@ViewScoped
public class WorkspaceView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  private List<SupportSession> open;

  @PostConstruct
  public void load() {
    open = sessions.openOfCaller();
  }

  public List<SupportSession> getOpen() {
    return open;
  }
}
