package org.assist.web.rest;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.assist.application.run.RunTargetEnded;

/**
 * Answers held until a run has ended ({@code GET /api/v1/runs/{id}?waitMillis=}): each is read
 * again the moment one of the run's sessions ends (once that is committed), and answered when the
 * run has ended everywhere or the wait is over. A held answer costs no thread while it waits.
 */
@ApplicationScoped
public class RunWaits {
  @Resource private ManagedScheduledExecutorService executor;

  private final Map<Long, Set<Waiter<?>>> waiting = new ConcurrentHashMap<>();

  /**
   * What {@code read} says once the run has ended or {@code wait} is over. How many of the run's
   * sessions have not ended is the lighter question {@code unfinished}, asked at once on the
   * caller's thread and again after each end of one of the run's sessions while more than one was
   * left; once one was left, the next end reads the run at once ({@code ended} says whether it has
   * ended there), without the lighter question first. The run is read when it has ended or the wait
   * is over.
   */
  <T> CompletionStage<T> until(
      long runId, Duration wait, Supplier<T> read, Predicate<T> ended, IntSupplier unfinished) {
    Waiter<T> waiter = new Waiter<>(runId, read, ended, unfinished);
    // held before the first question, so that an end committed in between is not missed
    waiting.computeIfAbsent(runId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
    try {
      waiter.left = unfinished.getAsInt();
      if (waiter.left == 0) {
        release(waiter);
        return CompletableFuture.completedFuture(read.get());
      }
    } catch (RuntimeException e) {
      release(waiter);
      throw e;
    }
    waiter.timeout =
        executor.schedule(() -> waiter.read(true), wait.toMillis(), TimeUnit.MILLISECONDS);
    if (waiter.answer.isDone()) {
      waiter.timeout.cancel(false);
    }
    return waiter.answer;
  }

  void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunTargetEnded ended) {
    Set<Waiter<?>> waiters = waiting.get(ended.runId());
    if (waiters != null) {
      waiters.forEach(Waiter::check);
    }
  }

  private void release(Waiter<?> waiter) {
    waiting.computeIfPresent(
        waiter.runId,
        (id, waiters) -> waiters.remove(waiter) && waiters.isEmpty() ? null : waiters);
  }

  private final class Waiter<T> {
    final long runId;
    final Supplier<T> read;
    final Predicate<T> ended;
    final IntSupplier unfinished;
    final CompletableFuture<T> answer = new CompletableFuture<>();
    volatile Future<?> timeout;

    /** How many of the run's sessions had not ended when last asked. */
    volatile int left;

    /** A check waits for the executor: the ends committed before it starts need no other. */
    private final AtomicBoolean checkPending = new AtomicBoolean();

    Waiter(long runId, Supplier<T> read, Predicate<T> ended, IntSupplier unfinished) {
      this.runId = runId;
      this.read = read;
      this.ended = ended;
      this.unfinished = unfinished;
    }

    /**
     * Asks again whether the run has ended, after one of its sessions ended. The ends of a run on
     * many sessions come in bursts: one check waiting for the executor serves every end committed
     * before it starts, instead of one question each.
     */
    void check() {
      if (checkPending.compareAndSet(false, true)) {
        executor.execute(
            () -> {
              checkPending.set(false);
              read(false);
            });
      }
    }

    /** Answers with the run as it stands if it has ended or this is the last chance. */
    void read(boolean last) {
      if (answer.isDone()) {
        return;
      }
      try {
        if (last) {
          answer.complete(read.get());
        } else if (left <= 1) {
          // the one left has most likely just ended: read the run rather than ask first
          T run = read.get();
          if (ended.test(run)) {
            answer.complete(run);
          } else {
            left = unfinished.getAsInt();
          }
        } else {
          left = unfinished.getAsInt();
          if (left == 0) {
            answer.complete(read.get());
          }
        }
      } catch (RuntimeException e) {
        answer.completeExceptionally(e);
      }
      if (answer.isDone()) {
        release(this);
        Future<?> pending = timeout;
        if (pending != null) {
          pending.cancel(false);
        }
      }
    }
  }
}
