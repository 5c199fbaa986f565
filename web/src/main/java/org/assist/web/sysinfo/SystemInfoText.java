package org.assist.web.sysinfo;

import java.util.List;
import java.util.Locale;
import org.assist.protocol.SystemInfoDocument;
import org.assist.protocol.SystemInfoDocument.Category;
import org.assist.protocol.SystemInfoDocument.Section;
import org.assist.web.Formats;
import org.assist.web.Messages;

/** A collection as one plain-text file with every category: what "Save" downloads. */
final class SystemInfoText {
  private SystemInfoText() {}

  static String render(SystemInfoDocument document, Locale locale) {
    StringBuilder text = new StringBuilder();
    String header =
        Messages.text(
            locale,
            "sysinfo.file.header",
            document.computerName(),
            Formats.format(document.collectedAt()));
    text.append(header).append('\n').append("=".repeat(header.length())).append("\n\n");
    for (Category category : document.categories()) {
      String title = SystemInfoLabels.label("sysinfo.cat.", category.id(), locale);
      text.append(title).append('\n').append("-".repeat(title.length())).append('\n');
      if (category.failed()) {
        text.append(Messages.text(locale, "sysinfo.categoryFailed", category.error()))
            .append("\n\n");
        continue;
      }
      for (Section section : category.sections()) {
        if (section.title() != null) {
          text.append('\n')
              .append(SystemInfoLabels.label("sysinfo.key.", section.title(), locale))
              .append('\n');
        }
        if (section.rows().isEmpty()) {
          text.append("  ").append(Messages.text(locale, "sysinfo.empty")).append('\n');
        } else if (section.properties()) {
          properties(text, section.rows(), locale);
        } else {
          table(text, section, locale);
        }
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static void properties(StringBuilder text, List<List<String>> rows, Locale locale) {
    int width =
        rows.stream()
            .mapToInt(row -> SystemInfoLabels.label("sysinfo.key.", row.get(0), locale).length())
            .max()
            .orElse(0);
    for (List<String> row : rows) {
      String label = SystemInfoLabels.label("sysinfo.key.", row.get(0), locale);
      text.append("  ").append(pad(label, width)).append(" : ").append(row.get(1)).append('\n');
    }
  }

  private static void table(StringBuilder text, Section section, Locale locale) {
    int columns = section.columns().size();
    String[] headers = new String[columns];
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      headers[c] = SystemInfoLabels.label("sysinfo.key.", section.columns().get(c), locale);
      widths[c] = headers[c].length();
      for (List<String> row : section.rows()) {
        widths[c] = Math.min(60, Math.max(widths[c], row.get(c).length()));
      }
    }
    line(text, List.of(headers), widths);
    section.rows().forEach(row -> line(text, row, widths));
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    text.append(' ');
    for (int c = 0; c < cells.size(); c++) {
      text.append(' ').append(pad(cells.get(c), widths[c]));
    }
    text.append('\n');
  }

  private static String pad(String value, int width) {
    return value.length() >= width ? value : value + " ".repeat(width - value.length());
  }
}
