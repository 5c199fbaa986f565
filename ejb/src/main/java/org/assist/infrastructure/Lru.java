package org.assist.infrastructure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Thread-safe maps that keep only their most recently used entries. */
public final class Lru {
  private Lru() {}

  /** A map of at most {@code capacity} entries; the least recently used one goes first. */
  public static <K, V> Map<K, V> map(int capacity) {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        });
  }
}
