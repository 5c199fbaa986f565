package org.assist.web.session;

import java.util.List;
import java.util.Map;
import org.assist.application.session.SessionFilter;
import org.assist.application.session.SessionQuery;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Loads the sessions table one sorted page at a time, from the database, as the search says. */
public class SessionDataModel extends LazyDataModel<SessionRow> {
  private static final long serialVersionUID = 1L;

  private final transient SupportSessionService sessions;
  private SessionFilter filter = SessionFilter.NONE;

  public SessionDataModel(SupportSessionService sessions) {
    this.sessions = sessions;
  }

  /** Searches by this from now on. */
  void search(SessionFilter filter) {
    this.filter = filter;
  }

  SessionFilter filter() {
    return filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, sessions.count(filter));
  }

  @Override
  public List<SessionRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    SessionQuery query =
        sortBy.values().stream()
            .filter(sort -> sort.getOrder() != SortOrder.UNSORTED)
            .findFirst()
            .map(
                sort ->
                    new SessionQuery(
                        first,
                        pageSize,
                        sort.getField(),
                        sort.getOrder() == SortOrder.ASCENDING,
                        filter))
            .orElse(new SessionQuery(first, pageSize, "createdAt", false, filter));
    return sessions.list(query);
  }

  @Override
  public String getRowKey(SessionRow session) {
    return String.valueOf(session.id());
  }

  @Override
  public SessionRow getRowData(String rowKey) {
    return sessions.row(Long.parseLong(rowKey));
  }
}
