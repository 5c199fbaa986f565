package org.assist.web.run;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assist.application.AssistException;
import org.assist.application.policy.Policies;
import org.assist.application.policy.Policy;
import org.assist.application.run.RunRequest;
import org.assist.application.run.RunService;
import org.assist.application.script.ScriptQuery;
import org.assist.application.script.ScriptRow;
import org.assist.application.script.ScriptService;
import org.assist.web.Messages;
import org.assist.web.Notices;
import org.primefaces.PrimeFaces;

/**
 * The "Run scripts" dialog: pick library scripts, put them in order, set each one's timeout, and
 * launch on one session or on the sessions selected in the multi-session window.
 */
@Named
@ViewScoped
public class RunDialogView implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A script chosen for the run, with its timeout in seconds. */
  public static final class Chosen implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long scriptId;
    private final String name;
    private int timeout;

    Chosen(long scriptId, String name, int timeout) {
      this.scriptId = scriptId;
      this.name = name;
      this.timeout = timeout;
    }

    public long getScriptId() {
      return scriptId;
    }

    /** A restart of the computer between two scripts, not a script. */
    public boolean isRestart() {
      return scriptId == RunRequest.RESTART;
    }

    public String getName() {
      return name;
    }

    public int getTimeout() {
      return timeout;
    }

    public void setTimeout(int timeout) {
      this.timeout = timeout;
    }
  }

  @Inject private ScriptService scripts;
  @Inject private RunService runs;
  @Inject private Policies policies;
  private List<Long> targets = new ArrayList<>();
  private List<ScriptRow> available = List.of();
  private final List<Chosen> chosen = new ArrayList<>();
  private Long pick;
  private boolean stopOnFailure;
  private Long launched;

  /** Opens the dialog for these sessions. */
  public void open(List<Long> sessions) {
    targets = new ArrayList<>(sessions);
    available = scripts.list(new ScriptQuery(0, 500, "name", true, null, null));
    chosen.clear();
    stopOnFailure = false;
    if (targets.isEmpty()) {
      Notices.error(null, "run.sessions.required");
      return;
    }
    PrimeFaces.current().ajax().update("runDialogForm");
    PrimeFaces.current().executeScript("PF('runDialog').show()");
  }

  public void openFor(long session) {
    open(List.of(session));
  }

  public void add() {
    available.stream()
        .filter(row -> pick != null && row.id() == pick)
        .findFirst()
        .ifPresent(row -> chosen.add(new Chosen(row.id(), row.name(), defaultTimeout())));
    pick = null;
  }

  /** A restart of the computer: the scripts after it run once the computer is back. */
  public void addRestart() {
    chosen.add(
        new Chosen(
            RunRequest.RESTART,
            Messages.text(
                FacesContext.getCurrentInstance().getViewRoot().getLocale(), "run.restartStep"),
            defaultTimeout()));
  }

  /** How long a script may run unless the technician says otherwise: the help desk's policy. */
  private int defaultTimeout() {
    return (int) policies.value(Policy.SCRIPT_TIMEOUT_SECONDS);
  }

  public void up(int index) {
    if (index > 0) {
      Collections.swap(chosen, index, index - 1);
    }
  }

  public void down(int index) {
    if (index < chosen.size() - 1) {
      Collections.swap(chosen, index, index + 1);
    }
  }

  public void remove(int index) {
    chosen.remove(index);
  }

  public void launch() {
    try {
      launched =
          runs.launch(
              new RunRequest(
                  targets,
                  chosen.stream().map(c -> new RunRequest.Item(c.scriptId, c.timeout)).toList(),
                  stopOnFailure));
      Notices.info("run.launched", chosen.size(), targets.size());
      PrimeFaces.current()
          .executeScript("PF('runDialog').hide(); if (window.assistLive) { assistLive(); }");
    } catch (AssistException e) {
      Notices.refused(e, "runDialogForm");
    }
  }

  /** The run launched last from this page, or null. */
  public Long getLaunched() {
    return launched;
  }

  public List<ScriptRow> getAvailable() {
    return available;
  }

  public List<Chosen> getChosen() {
    return chosen;
  }

  public int getTargetCount() {
    return targets.size();
  }

  public Long getPick() {
    return pick;
  }

  public void setPick(Long pick) {
    this.pick = pick;
  }

  public boolean isStopOnFailure() {
    return stopOnFailure;
  }

  public void setStopOnFailure(boolean stopOnFailure) {
    this.stopOnFailure = stopOnFailure;
  }
}
