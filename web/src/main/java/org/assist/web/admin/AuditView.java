package org.assist.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assist.application.audit.AuditFilter;
import org.assist.application.audit.AuditService;
import org.assist.application.audit.AuditService.AuditRow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Administration → Audit log: every recorded action and refusal, newest first, searched by who,
 * what, text and dates, one page at a time; the same search exported as CSV.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private AuditService audit;
  private String actor;
  private String action;
  private String text;
  private LocalDate from;
  private LocalDate to;
  private AuditFilter filter = AuditFilter.NONE;
  private Model model;

  /** Loads the log one page at a time, as the search says. */
  private final class Model extends LazyDataModel<AuditRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, audit.count(filter));
    }

    @Override
    public List<AuditRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return audit.list(filter, first, pageSize);
    }

    @Override
    public String getRowKey(AuditRow row) {
      return String.valueOf(row.id());
    }
  }

  @PostConstruct
  void init() {
    model = new Model();
  }

  public void search() {
    filter = new AuditFilter(actor, action, text, from, to);
  }

  public void clear() {
    actor = action = text = null;
    from = to = null;
    filter = AuditFilter.NONE;
  }

  /** The export's address parameters: the search shown. */
  public String getExportQuery() {
    StringBuilder query = new StringBuilder();
    add(query, "actor", filter.actor());
    add(query, "action", filter.action());
    add(query, "q", filter.text());
    add(query, "from", filter.from() == null ? null : filter.from().toString());
    add(query, "to", filter.to() == null ? null : filter.to().toString());
    return query.toString();
  }

  private static void add(StringBuilder query, String name, String value) {
    if (value != null) {
      query
          .append(query.isEmpty() ? "?" : "&")
          .append(name)
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public boolean isSearching() {
    return !filter.equals(AuditFilter.NONE);
  }

  public LazyDataModel<AuditRow> getModel() {
    return model;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
