package org.assist.application.agent;

import static org.assist.application.agent.HeapHeadroom.LEAN;
import static org.assist.application.agent.HeapHeadroom.MAX_FREE;
import static org.assist.application.agent.HeapHeadroom.MIN_FREE;
import static org.assist.application.agent.HeapHeadroom.ROOMY;
import static org.assist.application.agent.HeapHeadroom.WHOLE_HEAP_AFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import org.junit.jupiter.api.Test;

class HeapHeadroomTest {
  private static final long MIB = 1 << 20;

  /** Flags as a JVM keeps them: a minimum above the maximum is refused, as the JVM does. */
  private static final class KeptFlags implements HeapHeadroom.Flags {
    final Map<String, String> values = new HashMap<>();
    final List<String> changed = new ArrayList<>();

    KeptFlags(HeapHeadroom.Setting setting) {
      values.put(MIN_FREE, Long.toString(setting.minFree()));
      values.put(MAX_FREE, Long.toString(setting.maxFree()));
      values.put(WHOLE_HEAP_AFTER, Long.toString(setting.wholeHeapAfterMillis()));
    }

    @Override
    public String get(String name) {
      return values.get(name);
    }

    @Override
    public void set(String name, String value) {
      Map<String, String> after = new HashMap<>(values);
      after.put(name, value);
      if (Long.parseLong(after.get(MIN_FREE)) > Long.parseLong(after.get(MAX_FREE))) {
        throw new IllegalArgumentException(name + "=" + value + ": minimum above maximum");
      }
      values.putAll(after);
      changed.add(name);
    }
  }

  private final AtomicLong oldGeneration = new AtomicLong(90 * MIB);

  @Test
  void aLeanServerGetsRoomOnceItsOldGenerationIsLarge() {
    KeptFlags flags = new KeptFlags(LEAN);
    HeapHeadroom headroom = new HeapHeadroom(flags, oldGeneration::get);
    headroom.adjust();
    assertEquals(LEAN, headroom.current(), "a server with few agents stays lean");
    oldGeneration.set(HeapHeadroom.ROOMY_FROM);
    headroom.adjust();
    assertEquals(ROOMY, headroom.current());
    assertEquals(List.of(MAX_FREE, MIN_FREE, WHOLE_HEAP_AFTER), flags.changed);
  }

  @Test
  void aRoomyServerIsLeanAgainOnlyWellBelowWhereItGotRoom() {
    KeptFlags flags = new KeptFlags(ROOMY);
    HeapHeadroom headroom = new HeapHeadroom(flags, oldGeneration::get);
    oldGeneration.set(HeapHeadroom.LEAN_BELOW);
    headroom.adjust();
    assertEquals(ROOMY, headroom.current(), "between the two marks nothing changes");
    oldGeneration.set(HeapHeadroom.LEAN_BELOW - 1);
    headroom.adjust();
    assertEquals(LEAN, headroom.current());
    assertEquals(List.of(MIN_FREE, MAX_FREE, WHOLE_HEAP_AFTER), flags.changed);
  }

  @Test
  void aServerStartedWithOtherSettingsIsLeftAlone() {
    KeptFlags flags = new KeptFlags(new HeapHeadroom.Setting(40, 70, 0));
    HeapHeadroom headroom = new HeapHeadroom(flags, oldGeneration::get);
    for (long used : new long[] {0, 100 * MIB, 4096 * MIB, 10 * MIB}) {
      oldGeneration.set(used);
      headroom.adjust();
    }
    assertEquals(List.of(), flags.changed);
  }

  @Test
  void aJvmThatCannotSayIsLeftAlone() {
    HeapHeadroom headroom =
        new HeapHeadroom(
            new HeapHeadroom.Flags() {
              @Override
              public String get(String name) {
                return null;
              }

              @Override
              public void set(String name, String value) throws JMException {
                throw new JMException("never asked");
              }
            },
            () -> 4096 * MIB);
    headroom.adjust();
    assertEquals(null, headroom.current());
  }

  /** The same moves on this test's own JVM, through its diagnostic bean, as on the server. */
  @Test
  void movesTheRunningJvmsOwnSettings() throws Exception {
    HeapHeadroom.DiagnosticFlags flags = new HeapHeadroom.DiagnosticFlags();
    String min = flags.get(MIN_FREE);
    String max = flags.get(MAX_FREE);
    String whole = flags.get(WHOLE_HEAP_AFTER);
    try {
      flags.set(MIN_FREE, "5");
      flags.set(MAX_FREE, "10");
      flags.set(WHOLE_HEAP_AFTER, "30000");
      HeapHeadroom headroom = new HeapHeadroom(flags, oldGeneration::get);
      oldGeneration.set(300 * MIB);
      headroom.adjust();
      assertEquals(ROOMY, new HeapHeadroom(flags, () -> 0).current());
      oldGeneration.set(100 * MIB);
      headroom.adjust();
      assertEquals(LEAN, new HeapHeadroom(flags, () -> 0).current());
    } finally {
      flags.set(MAX_FREE, max);
      flags.set(MIN_FREE, min);
      flags.set(WHOLE_HEAP_AFTER, whole);
    }
    System.gc(); // what is live moves to the old generation
    assertTrue(HeapHeadroom.oldGenerationUsed() > 0, "this JVM's old generation read");
  }

  /** The lean setting is the one the server starts with (server.sizing in the build). */
  @Test
  void leanIsWhatTheServerStartsWith() throws Exception {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    Matcher sizing = Pattern.compile("<server.sizing>([^<]*)</server.sizing>").matcher(pom);
    assertTrue(sizing.find(), "server.sizing in the build");
    List<String> flags = List.of(sizing.group(1).split(" "));
    assertTrue(flags.contains("-XX:" + MIN_FREE + "=" + LEAN.minFree()), sizing.group(1));
    assertTrue(flags.contains("-XX:" + MAX_FREE + "=" + LEAN.maxFree()), sizing.group(1));
    assertTrue(
        flags.contains("-XX:" + WHOLE_HEAP_AFTER + "=" + LEAN.wholeHeapAfterMillis()),
        sizing.group(1));
  }
}
