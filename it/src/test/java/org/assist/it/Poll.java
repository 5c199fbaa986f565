package org.assist.it;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits for what a test expects to happen: asks again every 200 ms until it has, and fails with the
 * last answer seen once the time is up (never a fixed pause).
 */
final class Poll {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private Poll() {}

  /** Something to ask again. */
  @FunctionalInterface
  interface Probe<T> {
    T get() throws Exception;
  }

  /** The first answer that passes {@code done}. */
  static <T> T until(Duration timeout, String what, Probe<T> probe, Predicate<T> done)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " never happened; last seen: " + last);
      }
      Thread.sleep(200);
      last = probe.get();
    }
    return last;
  }

  /** The session as the API shows it, once the condition holds. */
  static JsonObject session(Api api, long session, Predicate<JsonObject> condition)
      throws Exception {
    return until(
        PATIENCE,
        "the awaited state of session " + session,
        () -> api.get("/sessions/" + session).json(),
        condition);
  }

  /** The system information collected for this request, once it arrived. */
  static String snapshot(String command) throws Exception {
    return until(
            PATIENCE,
            "the system information of " + command,
            () ->
                Database.strings(
                    "select content from system_info_snapshot where command_id = ?", command),
            found -> !found.isEmpty())
        .get(0);
  }

  /** The number of report entries of this kind in the session, once it reached {@code count}. */
  static void reportEntries(long session, String kind, int count) throws Exception {
    until(
        PATIENCE,
        count + " " + kind + " in the report of session " + session,
        () -> reportEntryCount(session, kind),
        found -> found >= count);
  }

  /** The number of report entries of this kind in the session now. */
  static int reportEntryCount(long session, String kind) throws Exception {
    return Database.strings(
            "select id from session_event where kind = '"
                + kind
                + "' and session_id = cast(? as bigint)",
            String.valueOf(session))
        .size();
  }
}
