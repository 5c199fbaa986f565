package org.assist.web.report;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assist.application.session.ReportEntry;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.domain.report.EventKind;
import org.assist.web.Notices;
import org.assist.web.session.LiveParts;
import org.primefaces.PrimeFaces;

/**
 * A session's report page, for any session the technician may see, open or ended: every entry in
 * words, filtered by kind and searched by text, scripts with their output, two collections of the
 * system information picked to compare, and the exports. Kept live while the session goes on.
 */
@Named
@ViewScoped
public class ReportView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  private long id;
  private SessionRow session;
  private List<ReportEntry> entries;

  /**
   * Kept in a list the page may replace: Faces makes the submitted value a new instance of the list
   * it finds here, which an unmodifiable list has no way to be (a SEVERE line per filter).
   */
  private List<String> groups =
      new ArrayList<>(Arrays.stream(EventKind.Group.values()).map(Enum::name).toList());

  private String search;
  private String first;
  private String second;

  public void load() {
    session = sessions.row(id);
    entries = sessions.report(id);
    List<ReportEntry> snapshots = getSnapshots();
    if (second == null && snapshots.size() >= 2) {
      first = snapshots.get(snapshots.size() - 2).commandId();
      second = snapshots.get(snapshots.size() - 1).commandId();
    }
  }

  /** A live update: a change in this session reloads the entries. */
  public void live() {
    String changed = LiveParts.notice("session");
    if (changed == null || changed.equals(String.valueOf(id))) {
      load();
      PrimeFaces.current().ajax().update("report:entries", "report:compare");
    }
  }

  /** The entries of the chosen kinds whose words contain the search text, oldest first. */
  public List<ReportEntry> getShown() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    String wanted = search == null ? "" : search.strip().toLowerCase(locale);
    List<ReportEntry> shown = new ArrayList<>();
    for (ReportEntry entry : entries) {
      if (groups.contains(entry.kind().group().name())
          && (wanted.isEmpty() || words(locale, entry).toLowerCase(locale).contains(wanted))) {
        shown.add(entry);
      }
    }
    return shown;
  }

  private String words(Locale locale, ReportEntry entry) {
    return String.join(
        "\n",
        ReportWords.who(locale, entry, session),
        ReportWords.what(locale, entry),
        String.join("\n", ReportWords.details(locale, entry)),
        entry.script() == null ? "" : entry.script().output());
  }

  /** The collections of the system information, oldest first. */
  public List<ReportEntry> getSnapshots() {
    return entries.stream()
        .filter(e -> e.kind() == EventKind.SYSTEM_INFO_COLLECTED && e.commandId() != null)
        .toList();
  }

  /** Opens the two chosen collections side by side. */
  public String compare() {
    if (first == null || second == null || first.equals(second)) {
      Notices.error("report:compare", "report.compare.same");
      return null;
    }
    return "/sessions/sysinfo-compare?faces-redirect=true&command=" + second + "&other=" + first;
  }

  public List<EventKind.Group> getAllGroups() {
    return List.of(EventKind.Group.values());
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

  /** Every entry, unfiltered. */
  public List<ReportEntry> getEntries() {
    return entries;
  }

  public List<String> getGroups() {
    return groups;
  }

  public void setGroups(List<String> groups) {
    this.groups = groups == null ? new ArrayList<>() : new ArrayList<>(groups);
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getFirst() {
    return first;
  }

  public void setFirst(String first) {
    this.first = first;
  }

  public String getSecond() {
    return second;
  }

  public void setSecond(String second) {
    this.second = second;
  }
}
