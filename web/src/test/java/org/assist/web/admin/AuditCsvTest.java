package org.assist.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.assist.application.audit.AuditService.AuditRow;
import org.junit.jupiter.api.Test;

/** The audit CSV: quoted, in the reader's language, and no cell a spreadsheet runs as a formula. */
class AuditCsvTest {
  @Test
  void cellsAreQuotedAndFormulasDisarmed() throws Exception {
    StringWriter out = new StringWriter();
    AuditCsv.write(
        Locale.FRENCH,
        List.of(
            new AuditRow(
                1,
                Instant.parse("2026-12-02T10:00:00Z"),
                "=HYPERLINK(\"x\")",
                "10.0.0.7",
                "refused:script.delete",
                "Nettoyage \"disque\"",
                null)),
        out);
    assertEquals(
        "\"Quand\",\"Qui\",\"Adresse\",\"Action\",\"Quoi\",\"Sur\",\"Détail\"\r\n"
            + "\"2026-12-02T10:00:00Z\",\"'=HYPERLINK(\"\"x\"\")\",\"10.0.0.7\","
            + "\"refused:script.delete\",\"Refusé : Script supprimé\",\"Nettoyage \"\"disque\"\"\",\r\n",
        out.toString());
    assertEquals("\"'-1\"", AuditCsv.cell("-1"));
    assertEquals("\"'@SUM(A1)\"", AuditCsv.cell("@SUM(A1)"));
    assertEquals("\"plain\"", AuditCsv.cell("plain"));
  }
}
