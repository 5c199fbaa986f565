package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assist.application.AssistException;
import org.assist.application.chat.ChatService;
import org.assist.application.run.RunDetails;
import org.assist.application.run.RunService;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.protocol.JsonCodec;
import org.assist.web.Notices;
import org.assist.web.chat.SessionFeed;
import org.assist.web.run.RunDialogView;
import org.primefaces.PrimeFaces;

/**
 * The multi-session window: one tab per open session of the technician, each the whole session (its
 * customer, icon bar, chat with the scripts' output as they run, and its runs); sessions can be
 * selected to launch the same run on all of them, whose progress shows above the tabs. Kept live: a
 * change re-renders only the parts of its session it touched, so that what is typed in a chat box
 * stays; a tab not in view shows a badge when its session changes (live.js). A technician with more
 * open sessions than {@link #MOST_TABS} sees the newest ones, and is told how many there are (the
 * dashboard lists them all, page by page).
 */
@Named
@ViewScoped
public class WorkspaceView implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The most sessions shown as tabs (each is a whole session, live). */
  static final int MOST_TABS = 30;

  @Inject private SupportSessionService sessions;
  @Inject private RunService runs;
  @Inject private ChatService chat;
  @Inject private RunDialogView dialog;
  private List<SessionRow> open;
  private long moreThanShown;
  private List<Long> selected = new ArrayList<>();
  private RunDetails progress;
  private final Map<Long, List<RunDetails.Target>> runsOf = new HashMap<>();
  private final Map<Long, String> feeds = new HashMap<>();
  private final Map<Long, String> messages = new HashMap<>();

  @PostConstruct
  public void load() {
    open = sessions.openOfCaller(0, MOST_TABS);
    moreThanShown = open.size() < MOST_TABS ? 0 : sessions.countOpenOfCaller();
    runsOf.clear();
    feeds.clear();
    for (SessionRow session : open) {
      loadSession(session.id());
    }
    loadProgress();
  }

  private void loadSession(long id) {
    List<RunDetails.Target> targets = runs.ofSession(id);
    runsOf.put(id, targets);
    JsonArrayBuilder lines = JsonCodec.array();
    SessionFeed.of(
            id,
            chat.messages(id),
            targets,
            runs,
            FacesContext.getCurrentInstance().getViewRoot().getLocale())
        .forEach(item -> lines.add(item.toJson()));
    feeds.put(id, lines.build().toString());
  }

  private void loadProgress() {
    progress = null;
    if (dialog.getLaunched() != null) {
      try {
        progress = runs.find(dialog.getLaunched());
      } catch (AssistException e) {
        // ended sessions are no longer shown
      }
    }
  }

  /**
   * A live update (request parameters {@code session} and {@code what} from the push notice): a
   * change of the runs or the report of a session in view re-renders its runs and the progress; any
   * other change re-renders each tab's customer line and icon bar, and everything when a session
   * opened or ended. The chat's lines come pushed, never re-rendered here.
   */
  public void live() {
    List<Long> before = open.stream().map(SessionRow::id).toList();
    List<Boolean> couldChat = open.stream().map(SessionRow::connected).toList();
    String changed = LiveParts.notice("session");
    Set<String> parts = LiveParts.of(LiveParts.notice("what"));
    int index = changed == null ? -1 : before.indexOf(Long.valueOf(changed));
    if (index >= 0 && !parts.contains("line")) {
      loadSession(before.get(index));
      loadProgress();
      PrimeFaces.current().ajax().update("workspace:progress", "workspace:tabs:" + index + ":runs");
      return;
    }
    open = sessions.openOfCaller(0, MOST_TABS);
    if (!open.stream().map(SessionRow::id).toList().equals(before)) {
      load();
      PrimeFaces.current().ajax().update("workspace");
      return;
    }
    loadProgress();
    List<String> update = new ArrayList<>(List.of("workspace:progress"));
    for (int i = 0; i < open.size(); i++) {
      update.add("workspace:tabs:" + i + ":line");
      update.add("workspace:tabs:" + i + ":iconbar");
      // a chat box is re-rendered only when it opens or closes: what is typed in it stays
      if (open.get(i).connected() != couldChat.get(i)) {
        update.add("workspace:tabs:" + i + ":chatInput");
      }
    }
    PrimeFaces.current().ajax().update(update);
  }

  /** The technician writes to the customer of one tab's session. */
  public void send(long sessionId) {
    try {
      chat.send(sessionId, messages.get(sessionId));
      messages.remove(sessionId);
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }

  public void runOnSelected() {
    dialog.open(selected);
  }

  /** How many open sessions the technician has when there are more than the tabs show, else 0. */
  public long getMoreThanShown() {
    return moreThanShown;
  }

  public List<SessionRow> getOpen() {
    return open;
  }

  public List<RunDetails.Target> runs(long sessionId) {
    return runsOf.getOrDefault(sessionId, List.of());
  }

  /** One tab's chat lines, as the page's script draws them. */
  public String feedJson(long sessionId) {
    return feeds.getOrDefault(sessionId, "[]");
  }

  /** What is typed in each tab's chat box, by session. */
  public Map<Long, String> getMessages() {
    return messages;
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
