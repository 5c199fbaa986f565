package org.assist.web.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assist.application.session.ReportEntry;
import org.assist.application.session.SessionRow;
import org.assist.web.Formats;
import org.assist.web.Messages;

/**
 * A session's report in the words of one language, as its exports write it (text file, PDF).
 *
 * @param summary the session's technician, times and customer, one line each
 */
public record ReportDocument(Locale locale, String title, List<String> summary, List<Line> lines) {

  /**
   * One entry.
   *
   * @param details what more there is to know (a script's SHA-256 and duration)
   * @param output the beginning of a script's output (untrusted text), or null
   * @param outputCut whether more output is kept than {@code output} shows
   */
  public record Line(
      String at, String who, String what, List<String> details, String output, boolean outputCut) {}

  public static ReportDocument of(Locale locale, SessionRow session, List<ReportEntry> entries) {
    List<String> summary = new ArrayList<>();
    summary.add(
        session.endedAt() == null
            ? Messages.text(
                locale,
                "report.summary",
                session.technicianName(),
                Formats.format(session.createdAt()))
            : Messages.text(
                locale,
                "report.summaryEnded",
                session.technicianName(),
                Formats.format(session.createdAt()),
                Formats.format(session.endedAt())));
    if (session.customer() != null) {
      summary.add(
          Messages.text(
              locale,
              "report.customer",
              session.customer().computerName(),
              session.customer().osName(),
              session.customer().osUser()));
    }
    List<Line> lines = new ArrayList<>();
    for (ReportEntry entry : entries) {
      lines.add(
          new Line(
              Formats.format(entry.at()),
              ReportWords.who(locale, entry, session),
              ReportWords.what(locale, entry),
              ReportWords.details(locale, entry),
              entry.script() == null || entry.script().output().isEmpty()
                  ? null
                  : entry.script().output(),
              entry.script() != null && entry.script().outputCut()));
    }
    return new ReportDocument(
        locale,
        Messages.text(
            locale, "report.txt.title", session.displayNumber(), session.technicianName()),
        summary,
        lines);
  }

  /**
   * The report as a file to download.
   *
   * @param disposition the {@code Content-Disposition} header that names the file
   */
  public record Export(String contentType, String disposition, byte[] bytes) {}

  /** The report as a file: {@code txt} or {@code pdf}. */
  public Export export(String format, SessionRow session) {
    String name = "attachment; filename=\"session-" + session.number() + "-report." + format + "\"";
    return switch (format) {
      case "txt" ->
          new Export("text/plain; charset=UTF-8", name, text().getBytes(StandardCharsets.UTF_8));
      case "pdf" -> new Export("application/pdf", name, pdf());
      default -> throw new IllegalArgumentException(format);
    };
  }

  /** The report as a plain text file. */
  public String text() {
    StringBuilder text = new StringBuilder(title).append('\n');
    summary.forEach(line -> text.append(line).append('\n'));
    text.append('\n');
    for (Line line : lines) {
      text.append(line.at()).append("  ").append(line.who()).append("  ").append(line.what());
      text.append('\n');
      for (String detail : line.details()) {
        text.append("    ").append(detail).append('\n');
      }
      if (line.output() != null) {
        text.append("    ").append(Messages.text(locale, "report.output")).append(":\n");
        line.output().lines().forEach(out -> text.append("    | ").append(out).append('\n'));
        if (line.outputCut()) {
          text.append("    ").append(Messages.text(locale, "report.output.cut")).append('\n');
        }
      }
    }
    return text.toString();
  }

  /** The report as a PDF document. */
  public byte[] pdf() {
    return ReportPdf.write(this);
  }
}
