package org.assist.web.script;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assist.application.script.ScriptQuery;
import org.assist.application.script.ScriptRow;
import org.assist.application.script.ScriptService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Loads the library one sorted, filtered page at a time; rows never carry file contents. */
public class ScriptDataModel extends LazyDataModel<ScriptRow> {
  private static final long serialVersionUID = 1L;

  /** The page's current text and category filter. */
  public record Filter(String text, Long category) {}

  private final transient ScriptService scripts;
  private final transient Supplier<Filter> filter;

  public ScriptDataModel(ScriptService scripts, Supplier<Filter> filter) {
    this.scripts = scripts;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, scripts.count(query(0, 1, Map.of())));
  }

  @Override
  public List<ScriptRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return scripts.list(query(first, pageSize, sortBy));
  }

  private ScriptQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
    Filter current = filter.get();
    SortMeta sort =
        sortBy.values().stream()
            .filter(s -> s.getOrder() != SortOrder.UNSORTED)
            .findFirst()
            .orElse(null);
    return new ScriptQuery(
        first,
        pageSize,
        sort == null ? "name" : sort.getField(),
        sort == null || sort.getOrder() == SortOrder.ASCENDING,
        current.text(),
        current.category());
  }

  @Override
  public String getRowKey(ScriptRow row) {
    return String.valueOf(row.id());
  }

  @Override
  public ScriptRow getRowData(String rowKey) {
    return scripts.find(Long.parseLong(rowKey));
  }
}
