package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.assist.application.AssistException;
import org.assist.application.session.SupportSessionService;
import org.assist.web.Notices;

/** The Sessions page: every session the technician may see, lazily loaded and sortable. */
@Named
@ViewScoped
public class SessionListView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  private SessionDataModel model;

  @PostConstruct
  void init() {
    model = new SessionDataModel(sessions);
  }

  public SessionDataModel getModel() {
    return model;
  }

  public void end(long id) {
    try {
      Notices.info("session.ended", sessions.end(id).displayNumber());
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }
}
