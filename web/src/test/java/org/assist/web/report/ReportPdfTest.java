package org.assist.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report's PDF: real text a reader (and a program) can extract, whatever the agent printed. */
class ReportPdfTest {
  private static final String SHA =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void frenchTextScriptsAndOutputAreInThePdf() throws Exception {
    List<ReportDocument.Line> lines = new ArrayList<>();
    lines.add(
        new ReportDocument.Line(
            "2026-12-02 10:00:00",
            "Client sur PC-42 (marie)",
            "Script Nettoyage v2 terminé : code de sortie 0",
            List.of("SHA-256 " + SHA, "A duré 1.200 s"),
            "ligne 1 éàç\n\tavec tabulation\n漢字 et 😀 et \u0007 cloche\n" + "x".repeat(3000),
            true));
    for (int i = 0; i < 300; i++) {
      lines.add(
          new ReportDocument.Line(
              "2026-12-02 10:01:00",
              "Alice Martin",
              "Message numéro " + i,
              List.of(),
              null,
              false));
    }
    ReportDocument report =
        new ReportDocument(
            Locale.FRENCH,
            "Rapport de la session 123 456 789, technicien Alice Martin",
            List.of("Technicien Alice Martin · commencée le 2026-12-02 09:59:00"),
            lines);

    try (PDDocument pdf = Loader.loadPDF(report.pdf())) {
      assertTrue(pdf.getNumberOfPages() > 3, "pages: " + pdf.getNumberOfPages());
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Rapport de la session 123 456 789"), text);
      assertTrue(text.contains("Script Nettoyage v2 terminé : code de sortie 0"), text);
      assertTrue(text.contains(SHA), text);
      assertTrue(text.contains("ligne 1 éàç"), text);
      // what the font cannot draw is a question mark, not a failed export
      assertTrue(text.contains("?? et ? et"), text);
      assertTrue(text.contains("Message numéro 299"), text);
      assertTrue(text.contains("seul le début est affiché ici"), text);
      assertTrue(text.contains("Page " + pdf.getNumberOfPages()), text);
      assertEquals(
          "Rapport de la session 123 456 789, technicien Alice Martin",
          pdf.getDocumentInformation().getTitle());
    }
  }

  @Test
  void textFileHasTheSameLines() {
    ReportDocument report =
        new ReportDocument(
            Locale.ENGLISH,
            "Report of session 1",
            List.of(),
            List.of(
                new ReportDocument.Line(
                    "2026-12-02 10:00:00",
                    "Assist",
                    "Script Disk v1 ended: exit code 3",
                    List.of("SHA-256 " + SHA),
                    "full\nerror",
                    false)));
    assertEquals(
        "Report of session 1\n\n2026-12-02 10:00:00  Assist  Script Disk v1 ended: exit code 3\n"
            + "    SHA-256 "
            + SHA
            + "\n    Output:\n    | full\n    | error\n",
        report.text());
  }
}
