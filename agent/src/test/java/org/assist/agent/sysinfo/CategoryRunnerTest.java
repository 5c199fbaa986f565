package org.assist.agent.sysinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.assist.protocol.SystemInfoDocument.Category;
import org.assist.protocol.SystemInfoDocument.Section;
import org.junit.jupiter.api.Test;

class CategoryRunnerTest {
  private static final List<Section> ONE_ROW =
      List.of(Section.properties(null, List.of(List.of("hostName", "pc"))));

  @Test
  void aSlowCategoryTimesOutAndTheOthersStillArrive() {
    long start = System.nanoTime();
    List<Category> categories =
        new CategoryRunner()
            .add("fast", Duration.ofSeconds(2), () -> ONE_ROW)
            .add(
                "stuck",
                Duration.ofMillis(300),
                () -> {
                  Thread.sleep(60_000);
                  return ONE_ROW;
                })
            .add("after", Duration.ofSeconds(2), () -> ONE_ROW)
            .collect();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(List.of("fast", "stuck", "after"), categories.stream().map(Category::id).toList());
    assertNull(categories.get(0).error());
    assertEquals("timed out after 300 ms", categories.get(1).error());
    assertTrue(categories.get(1).sections().isEmpty());
    assertNull(categories.get(2).error());
    assertEquals(ONE_ROW, categories.get(2).sections());
    assertTrue(millis < 2000, "the stuck category held the others for " + millis + " ms");
  }

  @Test
  void aFailingCategoryReportsWhy() {
    List<Category> categories =
        new CategoryRunner()
            .add(
                "broken",
                Duration.ofSeconds(1),
                () -> {
                  throw new IllegalStateException("no such device");
                })
            .add("fine", Duration.ofSeconds(1), () -> ONE_ROW)
            .collect();
    assertEquals("failed: no such device", categories.get(0).error());
    assertNull(categories.get(1).error());
  }
}
