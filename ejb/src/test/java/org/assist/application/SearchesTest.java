package org.assist.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What people type becomes conditions with parameters, never query text. */
class SearchesTest {
  @Test
  void onlyWhatWasGivenBecomesACondition() {
    Searches search =
        Searches.conditions()
            .contains("who", Searches.text("  "), "e.actor")
            .contains("text", Searches.text(" 50%_off! "), "e.target", "e.detail")
            .between("e.at", LocalDate.of(2026, 12, 2), null)
            .where("e.kind = :kind", "kind", null);
    assertEquals(
        " and (lower(e.target) like :text escape '!' or lower(e.detail) like :text escape '!')"
            + " and (e.at >= :from)",
        search.jpql());
  }
}
