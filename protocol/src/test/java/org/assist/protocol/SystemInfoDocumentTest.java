package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.assist.protocol.SystemInfoDocument.Category;
import org.assist.protocol.SystemInfoDocument.Section;
import org.junit.jupiter.api.Test;

class SystemInfoDocumentTest {
  private final SystemInfoDocument document =
      new SystemInfoDocument(
          "pc-42",
          Instant.parse("2026-11-25T10:00:00Z"),
          List.of(
              new Category(
                  "computer",
                  null,
                  12,
                  List.of(Section.properties(null, List.of(List.of("hostName", "<b>pc-42</b>"))))),
              new Category("services", "timed out after 2000 ms", 2000, List.of())));

  @Test
  void travelsAsJsonUnchanged() throws Exception {
    SystemInfoDocument read = SystemInfoDocument.fromJson(document.toJson());
    assertEquals("pc-42", read.computerName());
    assertEquals("<b>pc-42</b>", read.category("computer").sections().get(0).rows().get(0).get(1));
    assertTrue(read.category("services").failed());
    assertEquals(document.collectedAt(), read.collectedAt());
  }

  @Test
  void refusesWhatIsOutOfShape() {
    JsonObject json = document.toJson();
    assertThrows(
        MalformedMessageException.class,
        () ->
            SystemInfoDocument.fromJson(
                Json.createObjectBuilder(json).remove("categories").build()));
    assertThrows(
        MalformedMessageException.class,
        () ->
            SystemInfoDocument.fromJson(
                Json.createObjectBuilder(json).add("collectedAt", "yesterday").build()));
    assertThrows(
        MalformedMessageException.class,
        () ->
            SystemInfoDocument.fromJson(
                Json.createObjectBuilder(json).add("categories", "x").build()));
  }

  @Test
  void refusesWhatIsOverTheLimits() {
    List<List<String>> manyRows =
        Collections.nCopies(SystemInfoDocument.MAX_ROWS + 1, List.of("a"));
    SystemInfoDocument tooLong =
        new SystemInfoDocument(
            "pc",
            Instant.now(),
            List.of(
                new Category(
                    "processes",
                    null,
                    1,
                    List.of(Section.table(null, List.of("name"), manyRows)))));
    assertThrows(
        MalformedMessageException.class, () -> SystemInfoDocument.fromJson(tooLong.toJson()));

    SystemInfoDocument hugeCell =
        new SystemInfoDocument(
            "pc",
            Instant.now(),
            List.of(
                new Category(
                    "x",
                    null,
                    1,
                    List.of(
                        Section.table(
                            null,
                            List.of("name"),
                            List.of(List.of("y".repeat(SystemInfoDocument.MAX_TEXT + 1))))))));
    assertThrows(
        MalformedMessageException.class, () -> SystemInfoDocument.fromJson(hugeCell.toJson()));

    SystemInfoDocument ragged =
        new SystemInfoDocument(
            "pc",
            Instant.now(),
            List.of(
                new Category(
                    "x",
                    null,
                    1,
                    List.of(Section.table(null, List.of("a", "b"), List.of(List.of("1")))))));
    assertThrows(
        MalformedMessageException.class, () -> SystemInfoDocument.fromJson(ragged.toJson()));
  }
}
