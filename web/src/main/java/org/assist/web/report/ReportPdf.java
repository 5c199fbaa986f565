package org.assist.web.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.assist.web.Formats;
import org.assist.web.Messages;

/**
 * Lays a report out on A4 pages with Apache PDFBox: the title, the session's summary, then each
 * entry (time, who, what), a script's details and the beginning of its output in small type; long
 * lines wrap, pages break, each page is numbered. The font (Liberation Sans, which PDFBox carries)
 * is embedded; a character it has no glyph for is written as "?", so that nothing an agent reports
 * can stop the export.
 */
final class ReportPdf {
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final float MARGIN = 50;
  private static final float TITLE = 15;
  private static final float BODY = 9.5f;
  private static final float SMALL = 8;
  private static final float INDENT = 18;

  private final PDDocument document;
  private final PDFont font;
  private final ReportDocument report;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();
  private final Map<Character, Float> advances = new HashMap<>();
  private PDPageContentStream page;
  private float y;
  private int pages;

  private ReportPdf(PDDocument document, PDFont font, ReportDocument report) {
    this.document = document;
    this.font = font;
    this.report = report;
  }

  static byte[] write(ReportDocument report) {
    try (PDDocument document = new PDDocument();
        InputStream fontFile = ReportPdf.class.getResourceAsStream(FONT)) {
      ReportPdf pdf = new ReportPdf(document, PDType0Font.load(document, fontFile), report);
      pdf.all();
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(report.title());
      info.setCreator("Assist");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void all() throws IOException {
    newPage();
    paragraph(report.title(), TITLE, 0);
    for (String line : report.summary()) {
      paragraph(line, BODY, 0);
    }
    paragraph(
        Messages.text(report.locale(), "report.pdf.made", Formats.format(Instant.now())), SMALL, 0);
    y -= BODY;
    for (ReportDocument.Line line : report.lines()) {
      paragraph(line.at() + "   " + line.who() + "   " + line.what(), BODY, 0);
      for (String detail : line.details()) {
        paragraph(detail, SMALL, INDENT);
      }
      if (line.output() != null) {
        paragraph(Messages.text(report.locale(), "report.output") + ":", SMALL, INDENT);
        for (String out : line.output().split("\r?\n", -1)) {
          paragraph(out, SMALL, 2 * INDENT);
        }
        if (line.outputCut()) {
          paragraph(Messages.text(report.locale(), "report.output.cut"), SMALL, INDENT);
        }
      }
      y -= BODY / 3;
    }
    page.close();
  }

  /** Writes text from the left margin plus {@code indent}, wrapping it at the right margin. */
  private void paragraph(String text, float size, float indent) throws IOException {
    float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
    for (String line : wrap(printable(text), size, width)) {
      if (y - size < MARGIN) {
        page.close();
        newPage();
      }
      y -= size * 1.3f;
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(MARGIN + indent, y);
      page.showText(line);
      page.endText();
    }
  }

  /** The text cut into lines no wider than {@code width}: after a space where it can be. */
  private List<String> wrap(String text, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int lastSpace = -1;
    float used = 0;
    for (int i = 0; i < text.length(); i++) {
      float advance = advance(text.charAt(i)) * size / 1000;
      if (used + advance > width && i > start) {
        int cut = lastSpace >= start ? lastSpace + 1 : i;
        lines.add(text.substring(start, cut));
        start = cut;
        used = 0;
        for (int j = start; j < i; j++) {
          used += advance(text.charAt(j)) * size / 1000;
        }
      }
      if (text.charAt(i) == ' ') {
        lastSpace = i;
      }
      used += advance;
    }
    lines.add(text.substring(start));
    return lines;
  }

  private float advance(char c) throws IOException {
    Float known = advances.get(c);
    if (known == null) {
      known = font.getStringWidth(String.valueOf(c));
      advances.put(c, known);
    }
    return known;
  }

  /** The text with tabs as spaces, no control characters, and "?" for what the font cannot draw. */
  private String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\t') {
                out.append("    ");
              } else if (Character.isISOControl(c)) {
                out.append(' ');
              } else if (Character.isBmpCodePoint(c) && glyphs.computeIfAbsent(c, this::drawable)) {
                out.appendCodePoint(c);
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }

  private boolean drawable(int codePoint) {
    try {
      font.encode(String.valueOf((char) codePoint));
      return true;
    } catch (IllegalArgumentException | IOException | IllegalStateException e) {
      return false;
    }
  }

  private void newPage() throws IOException {
    PDPage next = new PDPage(PDRectangle.A4);
    document.addPage(next);
    page = new PDPageContentStream(document, next);
    pages++;
    page.beginText();
    page.setFont(font, SMALL);
    page.newLineAtOffset(PDRectangle.A4.getWidth() - MARGIN - 40, MARGIN / 2);
    page.showText(Messages.text(report.locale(), "report.pdf.page", pages));
    page.endText();
    y = PDRectangle.A4.getHeight() - MARGIN;
  }
}
