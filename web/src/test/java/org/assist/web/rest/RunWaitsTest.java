package org.assist.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.assist.application.run.RunTargetEnded;
import org.junit.jupiter.api.Test;

class RunWaitsTest {
  /** Tasks handed to the executor, run when the test says. */
  private final List<Runnable> queued = new ArrayList<>();

  /** The run's sessions that have not ended, as the light question says. */
  private final AtomicInteger unfinished = new AtomicInteger();

  private final AtomicInteger questions = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void endsCommittedBeforeAWaitingCheckStartsShareIt() throws Exception {
    RunWaits waits = waits();
    unfinished.set(3);
    CompletionStage<String> answer = until(waits);
    assertEquals(1, questions.get(), "asked once on the caller's thread");

    // a burst of sessions ending: one check is waiting for the executor, it serves them all
    unfinished.set(2);
    waits.ended(new RunTargetEnded(7));
    waits.ended(new RunTargetEnded(7));
    waits.ended(new RunTargetEnded(7));
    waits.ended(new RunTargetEnded(8));
    assertEquals(1, queued.size());

    runQueued();
    assertEquals(2, questions.get());
    assertFalse(answer.toCompletableFuture().isDone(), "the run goes on elsewhere");

    // an end committed once that check has started gets a check of its own: none is missed
    unfinished.set(0);
    waits.ended(new RunTargetEnded(7));
    assertEquals(1, queued.size());
    runQueued();
    assertEquals("run 7, ended", answer.toCompletableFuture().getNow(null));
    assertEquals(1, reads.get(), "the run read once, when it had ended");

    // answered: the run's later ends ask nothing
    waits.ended(new RunTargetEnded(7));
    assertTrue(queued.isEmpty());
  }

  @Test
  void theLastSessionsEndReadsTheRunWithoutAskingFirst() throws Exception {
    RunWaits waits = waits();
    unfinished.set(1);
    CompletionStage<String> answer = until(waits);

    // an end the caller does not see (another session of the run): read, not ended, asked again
    waits.ended(new RunTargetEnded(7));
    runQueued();
    assertEquals(1, reads.get());
    assertEquals(2, questions.get());
    assertFalse(answer.toCompletableFuture().isDone());

    unfinished.set(0);
    waits.ended(new RunTargetEnded(7));
    runQueued();
    assertEquals("run 7, ended", answer.toCompletableFuture().getNow(null));
    assertEquals(2, questions.get(), "the run read at once, nothing asked first");
    assertEquals(2, reads.get());
  }

  @Test
  void aRunAlreadyEndedIsAnsweredAtOnce() throws Exception {
    RunWaits waits = waits();
    unfinished.set(0);
    assertEquals("run 7, ended", until(waits).toCompletableFuture().getNow(null));
    assertTrue(queued.isEmpty());
  }

  /** Waits for run 7, read as "run 7" with whether it has ended. */
  private CompletionStage<String> until(RunWaits waits) {
    return waits.until(
        7,
        Duration.ofMinutes(1),
        () -> {
          reads.incrementAndGet();
          return unfinished.get() == 0 ? "run 7, ended" : "run 7";
        },
        run -> run.endsWith("ended"),
        () -> {
          questions.incrementAndGet();
          return unfinished.get();
        });
  }

  private void runQueued() {
    List<Runnable> now = new ArrayList<>(queued);
    queued.clear();
    now.forEach(Runnable::run);
  }

  /** A RunWaits whose executor queues its tasks; a scheduled timeout never fires. */
  private RunWaits waits() throws Exception {
    ManagedScheduledExecutorService executor =
        (ManagedScheduledExecutorService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "execute" -> {
                        queued.add((Runnable) args[0]);
                        yield null;
                      }
                      case "schedule" ->
                          Proxy.newProxyInstance(
                              getClass().getClassLoader(),
                              new Class<?>[] {ScheduledFuture.class},
                              (future, call, none) ->
                                  call.getName().equals("cancel") ? true : null);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    RunWaits waits = new RunWaits();
    Field field = RunWaits.class.getDeclaredField("executor");
    field.setAccessible(true);
    field.set(waits, executor);
    return waits;
  }
}
