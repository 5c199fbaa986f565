package org.assist.web.sysinfo;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.assist.application.AssistException;
import org.assist.application.agent.CommandRow;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.application.sysinfo.SystemInfoService;
import org.assist.application.sysinfo.SystemInfoService.Collected;
import org.assist.web.Notices;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The customer's system information window: the state of the last request (waiting for the
 * customer, declined...), and a collection with one panel per category, Refresh, Save and Print.
 */
@Named
@ViewScoped
public class SystemInfoView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

  @Inject private SystemInfoService systemInfo;
  @Inject private SupportSessionService sessions;
  private long sessionId;
  private Long snapshotId;
  private SessionRow session;
  private CommandRow request;
  private Collected collected;

  /** Loads (or reloads, on a live update) what the window shows. */
  public void load() {
    session = sessions.row(sessionId);
    request = systemInfo.latestRequest(sessionId).orElse(null);
    collected =
        snapshotId != null
            ? systemInfo.snapshot(snapshotId)
            : systemInfo.latest(sessionId).orElse(null);
  }

  /**
   * A live update: reloads the status, and re-renders the (large) categories only when a new
   * collection arrived.
   */
  public void live() {
    Long shown = collected == null ? null : collected.id();
    load();
    Long now = collected == null ? null : collected.id();
    if (!java.util.Objects.equals(shown, now)) {
      PrimeFaces.current().ajax().update("sysinfo:content");
    }
  }

  /** Collects again: the customer is asked again (unless they allowed it for the session). */
  public void refresh() {
    try {
      systemInfo.request(sessionId);
      snapshotId = null;
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
    load();
  }

  /** All categories as one .txt, named after the computer and the collection time. */
  public StreamedContent getDownload() {
    byte[] text =
        SystemInfoText.render(
                collected.document(), FacesContext.getCurrentInstance().getViewRoot().getLocale())
            .getBytes(StandardCharsets.UTF_8);
    String computer = collected.document().computerName().replaceAll("[^A-Za-z0-9._-]", "_");
    return DefaultStreamedContent.builder()
        .name(
            (computer.isEmpty() ? "computer" : computer)
                + "-"
                + FILE_TIME.format(collected.document().collectedAt())
                + ".txt")
        .contentType("text/plain; charset=UTF-8")
        .contentLength((long) text.length)
        .stream(() -> new ByteArrayInputStream(text))
        .build();
  }

  /** A request is waiting for the customer or for the collection. */
  public boolean isWaiting() {
    return request != null && !request.finished();
  }

  /** The last request's outcome, when it is not the collection shown (declined, expired...). */
  public boolean isRequestNews() {
    return request != null && (collected == null || !request.id().equals(collected.commandId()));
  }

  public long getSessionId() {
    return sessionId;
  }

  public void setSessionId(long sessionId) {
    this.sessionId = sessionId;
  }

  public Long getSnapshotId() {
    return snapshotId;
  }

  public void setSnapshotId(Long snapshotId) {
    this.snapshotId = snapshotId;
  }

  public SessionRow getSession() {
    return session;
  }

  public CommandRow getRequest() {
    return request;
  }

  public Collected getCollected() {
    return collected;
  }
}
