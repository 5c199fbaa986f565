package org.assist.web.admin;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.assist.application.audit.AuditService.AuditRow;
import org.assist.web.Messages;

/**
 * The audit log as CSV (RFC 4180, UTF-8): one line per entry with the time in UTC, who, from where,
 * the action's code and its words, what it was done to and the detail. A value a spreadsheet would
 * take for a formula ({@code =}, {@code +}, {@code -}, {@code @}) starts with an apostrophe.
 */
public final class AuditCsv {
  private AuditCsv() {}

  public static void write(Locale locale, List<AuditRow> rows, Writer out) throws IOException {
    line(
        out,
        Messages.text(locale, "audit.at"),
        Messages.text(locale, "audit.actor"),
        Messages.text(locale, "audit.address"),
        Messages.text(locale, "audit.code"),
        Messages.text(locale, "audit.what"),
        Messages.text(locale, "audit.target"),
        Messages.text(locale, "audit.detail"));
    for (AuditRow row : rows) {
      line(
          out,
          DateTimeFormatter.ISO_INSTANT.format(row.at()),
          row.actor(),
          row.address(),
          row.action(),
          AuditWords.what(locale, row.action()),
          row.target(),
          row.detail());
    }
  }

  private static void line(Writer out, String... values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(values[i]));
    }
    out.write("\r\n");
  }

  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
