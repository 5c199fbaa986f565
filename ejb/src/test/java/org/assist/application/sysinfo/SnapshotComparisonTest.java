package org.assist.application.sysinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.assist.application.sysinfo.SnapshotComparison.Change;
import org.assist.protocol.SystemInfoDocument;
import org.assist.protocol.SystemInfoDocument.Category;
import org.assist.protocol.SystemInfoDocument.Section;
import org.junit.jupiter.api.Test;

class SnapshotComparisonTest {
  private static SystemInfoDocument document(String boot, String address, int programs) {
    List<List<String>> software =
        java.util.stream.IntStream.range(0, programs)
            .mapToObj(i -> List.of("program " + i, "1.0"))
            .toList();
    return new SystemInfoDocument(
        "pc",
        Instant.now(),
        List.of(
            new Category(
                "computer",
                null,
                1,
                List.of(
                    Section.properties(
                        null, List.of(List.of("hostName", "pc"), List.of("bootTime", boot))))),
            new Category(
                "network",
                null,
                1,
                List.of(
                    Section.properties(
                        "eth0", address == null ? List.of() : List.of(List.of("ipv4", address))))),
            new Category(
                "software",
                null,
                1,
                List.of(Section.table(null, List.of("name", "version"), software)))));
  }

  @Test
  void changedValuesNewAndGoneItemsAndTableSizesAreListedTheRestIsNot() {
    List<Change> changes =
        SnapshotComparison.between(
            document("2026-12-02 09:00", "10.0.0.2", 3), document("2026-12-02 10:15", null, 4));
    assertEquals(
        List.of(
            new Change("computer", null, "bootTime", "2026-12-02 09:00", "2026-12-02 10:15"),
            new Change("network", "eth0", "ipv4", "10.0.0.2", null),
            new Change("software", null, SnapshotComparison.ROWS, "3", "4")),
        changes);
    assertEquals(
        List.of(),
        SnapshotComparison.between(document("a", "b", 1), document("a", "b", 1)),
        "nothing changed");
  }
}
