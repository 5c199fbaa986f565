package org.assist.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.assist.application.session.ReportEntry;
import org.assist.application.session.SessionRow;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.SessionState;
import org.junit.jupiter.api.Test;

/** The report in words, English and French: no internal code reaches the reader. */
class ReportWordsTest {
  private static final SessionRow SESSION =
      new SessionRow(
          1,
          "123456789",
          SessionState.CONNECTED,
          "alice",
          "Alice Martin",
          Instant.EPOCH,
          null,
          new SessionRow.Customer("PC-42", "Linux", "marie", true, null),
          null,
          null);

  private static ReportEntry entry(EventKind kind, String actor, String detail) {
    return new ReportEntry(1, Instant.EPOCH, kind, actor, detail, null, null);
  }

  @Test
  void requestsAnswersAndRunsAreWords() {
    assertEquals(
        "Permission asked: view the system information",
        ReportWords.what(Locale.ENGLISH, entry(EventKind.CONSENT_ASKED, "alice", "SYSTEM_INFO")));
    assertEquals(
        "Permission asked: run the scripts Disk, Clean",
        ReportWords.what(
            Locale.ENGLISH, entry(EventKind.CONSENT_ASKED, "alice", "RUN_SCRIPTS: Disk, Clean")));
    assertEquals(
        "Permission granted (by the computer’s consent policy): restart the computer",
        ReportWords.what(
            Locale.ENGLISH, entry(EventKind.CONSENT_GRANTED, "customer", "RESTART policy")));
    assertEquals(
        "Autorisation refusée (par le client, pour le reste de la session) : se connecter avec"
            + " un autre utilisateur",
        ReportWords.what(
            Locale.FRENCH,
            entry(EventKind.CONSENT_DECLINED, "customer", "LOG_IN_AS customer-for-session")));
    assertEquals(
        "Run ended: Failed",
        ReportWords.what(Locale.ENGLISH, entry(EventKind.RUN_ENDED, "system", "FAILED")));
    // what the computer said stays as it said it
    assertEquals(
        "Request refused by the customer’s agent: <b>no</b>",
        ReportWords.what(
            Locale.ENGLISH, entry(EventKind.COMMAND_REFUSED, "customer", "<b>no</b>")));
  }

  @Test
  void whoIsAPersonOrAComputer() {
    assertEquals(
        "Alice Martin",
        ReportWords.who(Locale.ENGLISH, entry(EventKind.SESSION_STARTED, "alice", null), SESSION));
    assertEquals(
        "Client sur PC-42 (marie)",
        ReportWords.who(
            Locale.FRENCH, entry(EventKind.CUSTOMER_JOINED, "customer", null), SESSION));
    assertEquals(
        "Assist",
        ReportWords.who(Locale.ENGLISH, entry(EventKind.RUN_ENDED, "system", null), SESSION));
    assertEquals(
        "bob",
        ReportWords.who(Locale.ENGLISH, entry(EventKind.SESSION_ENDED, "bob", null), SESSION));
  }
}
