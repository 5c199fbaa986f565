package org.assist.application.sysinfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assist.protocol.SystemInfoDocument;
import org.assist.protocol.SystemInfoDocument.Category;
import org.assist.protocol.SystemInfoDocument.Section;

/**
 * What changed between two collections of one computer's system information: every property whose
 * value differs (the boot time after a restart, a new address, a changed version), and every table
 * whose number of rows differs (software installed, services, USB devices).
 */
public final class SnapshotComparison {
  /** The key of a table's number of rows. */
  public static final String ROWS = "rows";

  /**
   * One thing that changed.
   *
   * @param section the section's title, or null
   * @param before null when the item was not there before
   * @param after null when it is gone
   */
  public record Change(String category, String section, String key, String before, String after) {}

  private SnapshotComparison() {}

  public static List<Change> between(SystemInfoDocument before, SystemInfoDocument after) {
    Map<String, String> old = flatten(before);
    Map<String, String> now = flatten(after);
    List<Change> changes = new ArrayList<>();
    for (String item : union(old, now)) {
      String was = old.get(item);
      String is = now.get(item);
      if (!Objects.equals(was, is)) {
        String[] parts = item.split("\u0000", -1);
        changes.add(new Change(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2], was, is));
      }
    }
    return changes;
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    Map<String, Boolean> all = new LinkedHashMap<>();
    a.keySet().forEach(k -> all.put(k, true));
    b.keySet().forEach(k -> all.put(k, true));
    return List.copyOf(all.keySet());
  }

  /** Category, section and key joined by NUL (which no agent's text carries) → value. */
  private static Map<String, String> flatten(SystemInfoDocument document) {
    Map<String, String> items = new LinkedHashMap<>();
    for (Category category : document.categories()) {
      for (Section section : category.sections()) {
        String at = category.id() + "\u0000" + Objects.requireNonNullElse(section.title(), "");
        if (section.properties()) {
          for (List<String> row : section.rows()) {
            if (row.size() >= 2) {
              items.put(at + "\u0000" + row.get(0), row.get(1));
            }
          }
        } else {
          items.put(at + "\u0000" + ROWS, String.valueOf(section.rows().size()));
        }
      }
    }
    return items;
  }
}
