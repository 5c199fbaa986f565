package org.assist.web.session;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.assist.application.AssistException;
import org.assist.application.chat.ChatService;
import org.assist.application.run.RunDetails;
import org.assist.application.run.RunService;
import org.assist.application.session.ReportEntry;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.protocol.JsonCodec;
import org.assist.web.Notices;
import org.assist.web.chat.SessionFeed;
import org.primefaces.PrimeFaces;

/**
 * One session's page: its customer and icon bar, the chat (with the output of scripts as they run),
 * the runs, and the report; all kept live.
 */
@Named
@ViewScoped
public class SessionView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int REPORT_ROWS = 20;

  @Inject private SupportSessionService sessions;
  @Inject private ChatService chat;
  @Inject private RunService runs;
  private long id;
  private SessionRow session;
  private List<ReportEntry> events;
  private List<SessionFeed.Item> feed;
  private List<RunDetails.Target> runList;
  private String message;

  /** Loads (or reloads, on a live update) the session; unknown or hidden ones give 404. */
  public void load() {
    load(LiveParts.ALL);
  }

  /**
   * A live update (request parameters {@code session} and {@code what} from the push notice):
   * reloads and re-renders only the parts the change touched, and nothing for another session's.
   */
  public void live() {
    String changed = LiveParts.notice("session");
    if (changed != null && !changed.equals(String.valueOf(id))) {
      return;
    }
    Set<String> parts = LiveParts.of(LiveParts.notice("what"));
    boolean couldChat = isChatOpen();
    load(parts);
    parts.forEach(part -> PrimeFaces.current().ajax().update("session:" + part));
    // the chat box is re-rendered only when it opens or closes: what is typed in it stays
    if (isChatOpen() != couldChat) {
      PrimeFaces.current().ajax().update("session:chatInput");
    }
  }

  private void load(Set<String> parts) {
    session = sessions.row(id);
    if (parts.contains(LiveParts.REPORT)) {
      events = sessions.report(id);
    }
    if (parts.contains(LiveParts.RUNS) || parts.contains(LiveParts.FEED)) {
      runList = runs.ofSession(id);
    }
    if (parts.contains(LiveParts.FEED)) {
      feed =
          SessionFeed.of(
              id,
              chat.messages(id),
              runList,
              runs,
              FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }
  }

  /** The technician writes to the customer. */
  public void send() {
    try {
      chat.send(id, message);
      message = null;
    } catch (AssistException e) {
      Notices.refused(e, "session");
    }
    load();
  }

  /** The technician can write: the customer joined and the session is open. */
  public boolean isChatOpen() {
    return session != null && session.connected();
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public SessionRow getSession() {
    return session;
  }

  public List<ReportEntry> getEvents() {
    return events;
  }

  /** Report entries per page: a long session's report re-renders one page, not hundreds of rows. */
  public int getReportRows() {
    return REPORT_ROWS;
  }

  /** The report opens on its last page, where the newest entries are. */
  public int getReportFirst() {
    return events == null || events.isEmpty() ? 0 : (events.size() - 1) / REPORT_ROWS * REPORT_ROWS;
  }

  /** The chat's lines, as the page's script draws them. */
  public String getFeedJson() {
    JsonArrayBuilder lines = JsonCodec.array();
    feed.forEach(item -> lines.add(item.toJson()));
    return lines.build().toString();
  }

  public List<RunDetails.Target> getRuns() {
    return runList;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
