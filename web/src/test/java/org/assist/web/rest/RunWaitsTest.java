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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.assist.application.run.RunTargetEnded;
import org.junit.jupiter.api.Test;

class RunWaitsTest {
  /** Tasks handed to the executor, run when the test says. */
  private final List<Runnable> queued = new ArrayList<>();

  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicInteger questions = new AtomicInteger();

  @Test
  void endsCommittedBeforeAWaitingCheckStartsShareIt() throws Exception {
    RunWaits waits = waits();
    CompletionStage<String> answer = waits.until(7, Duration.ofMinutes(1), () -> "run 7", asked());
    assertEquals(1, questions.get(), "asked once on the caller's thread");

    // a burst of sessions ending: one check is waiting for the executor, it serves them all
    waits.ended(new RunTargetEnded(7));
    waits.ended(new RunTargetEnded(7));
    waits.ended(new RunTargetEnded(7));
    waits.ended(new RunTargetEnded(8));
    assertEquals(1, queued.size());

    runQueued();
    assertEquals(2, questions.get());
    assertFalse(answer.toCompletableFuture().isDone(), "the run goes on elsewhere");

    // an end committed once that check has started gets a check of its own: none is missed
    ended.set(true);
    waits.ended(new RunTargetEnded(7));
    assertEquals(1, queued.size());
    runQueued();
    assertEquals("run 7", answer.toCompletableFuture().getNow(null));

    // answered: the run's later ends ask nothing
    waits.ended(new RunTargetEnded(7));
    assertTrue(queued.isEmpty());
  }

  private BooleanSupplier asked() {
    return () -> {
      questions.incrementAndGet();
      return ended.get();
    };
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
