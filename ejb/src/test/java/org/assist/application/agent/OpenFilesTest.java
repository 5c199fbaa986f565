package org.assist.application.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpenFilesTest {
  private final AtomicLong open = new AtomicLong(100);
  private final AtomicInteger counts = new AtomicInteger();
  private long now = 5_000;

  private final OpenFiles files =
      new OpenFiles(
          () -> {
            counts.incrementAndGet();
            return open.get();
          },
          () -> 1_000,
          () -> now);

  @Test
  void aBurstSharesOneCount() {
    for (int i = 0; i < 50; i++) {
      assertEquals(100, files.now().open());
    }
    assertEquals(1, counts.get());
  }

  @Test
  void countedAgainOnceTheCountIsOld() {
    assertFalse(files.now().over(0.9));
    open.set(950);
    now += OpenFiles.COUNTED_FOR.toNanos();
    assertFalse(files.now().over(0.9), "still the count of 500 ms ago");
    now += 1;
    assertTrue(files.now().over(0.9));
    assertEquals(2, counts.get());
  }

  @Test
  void aSystemThatDoesNotSayIsNeverFull() {
    open.set(-1);
    assertFalse(files.now().over(0.9));
    assertFalse(new OpenFiles.Count(950, -1, 0).over(0.9));
  }
}
