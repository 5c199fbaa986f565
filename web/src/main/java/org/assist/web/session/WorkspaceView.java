package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.assist.application.AssistException;
import org.assist.application.run.RunDetails;
import org.assist.application.run.RunService;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.web.run.RunDialogView;
import org.primefaces.PrimeFaces;

/**
 * The multi-session window: one tab per open session of the technician; sessions can be selected to
 * launch the same run on all of them, and each one's progress shows live.
 */
@Named
@ViewScoped
public class WorkspaceView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  @Inject private RunService runs;
  @Inject private RunDialogView dialog;
  private List<SessionRow> open;
  private List<Long> selected = new ArrayList<>();
  private RunDetails progress;

  @PostConstruct
  public void load() {
    open = sessions.openOfCaller();
    progress = null;
    if (dialog.getLaunched() != null) {
      try {
        progress = runs.find(dialog.getLaunched());
      } catch (AssistException e) {
        // ended sessions are no longer shown
      }
    }
  }

  /** A live update (chat lines do not come here: this page shows none). */
  public void live() {
    load();
    PrimeFaces.current().ajax().update("workspace");
  }

  public void runOnSelected() {
    dialog.open(selected);
  }

  public List<SessionRow> getOpen() {
    return open;
  }

  public List<Long> getSelected() {
    return selected;
  }

  public void setSelected(List<Long> selected) {
    this.selected = selected;
  }

  public RunDetails getProgress() {
    return progress;
  }
}
