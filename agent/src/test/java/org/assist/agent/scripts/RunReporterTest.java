package org.assist.agent.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.assist.agent.customer.ConsentRequest;
import org.assist.agent.customer.Customer;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.EventBody;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.RunPlan;
import org.assist.protocol.ScriptKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunReporterTest {
  private static final RunPlan PLAN =
      new RunPlan(
          "r",
          false,
          List.of(
              new RunPlan.Step(
                  0,
                  1,
                  "Quick",
                  ScriptKind.SHELL,
                  new RunPlan.File("q.sh", "a".repeat(64), null),
                  null,
                  10)));

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> sent = new ArrayList<>();
  private final List<String> mayWait = new ArrayList<>();
  private final RunReporter reporter =
      new RunReporter(PLAN, new SilentCustomer(), timer, this::record, null);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private synchronized void record(EventBody body, boolean canWait) {
    String said = body.eventType() + (body instanceof OutputChunk chunk ? " " + chunk.seq() : "");
    sent.add(said);
    if (canWait) {
      mayWait.add(said);
    }
  }

  private synchronized List<String> sent() {
    return List.copyOf(sent);
  }

  @Test
  void aScriptThatEndsAtOnceIsReportedByItsEndAlone() throws Exception {
    // the timer is held until the script has ended, however slow this machine is
    CountDownLatch ended = new CountDownLatch(1);
    timer.execute(
        () -> {
          try {
            ended.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    reporter.started(0);
    // due after the start's report would be: once it has run, that report was sent or not
    var after =
        timer.schedule(() -> {}, RunReporter.START_REPORTED_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    reporter.finished(0, 0, 3, false, false, null);
    ended.countDown();
    after.get(5, TimeUnit.SECONDS);
    assertEquals(List.of("STEP_FINISHED"), sent());
  }

  @Test
  void itsFirstOutputReportsItsStartFirst() {
    reporter.started(0);
    reporter.output(0, 0, false, "hello\n");
    reporter.output(0, 1, true, "oops\n");
    reporter.finished(0, 1, 5, false, false, null);
    assertEquals(List.of("STEP_STARTED", "OUTPUT 0", "OUTPUT 1", "STEP_FINISHED"), sent());
    // a start goes at once; the output and the end may wait a moment for the run's next events
    synchronized (this) {
      assertEquals(List.of("OUTPUT 0", "OUTPUT 1", "STEP_FINISHED"), mayWait);
    }
  }

  @Test
  void aScriptStillRunningHasItsStartReportedSoon() throws Exception {
    reporter.started(0);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (sent().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(List.of("STEP_STARTED"), sent());
    reporter.finished(0, 0, 200, false, false, null);
    assertEquals(List.of("STEP_STARTED", "STEP_FINISHED"), sent());
  }

  private static final class SilentCustomer implements Customer {
    @Override
    public void tell(String text) {}

    @Override
    public ConsentAnswer ask(ConsentRequest request, Duration timeout) {
      return null;
    }

    @Override
    public void chat(String from, String text) {}

    @Override
    public void onChat(Consumer<String> sink) {}

    @Override
    public void close() {}
  }
}
