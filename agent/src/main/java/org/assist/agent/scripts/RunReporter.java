package org.assist.agent.scripts;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.assist.agent.Texts;
import org.assist.agent.customer.Customer;
import org.assist.protocol.EventBody;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.RunPlan;
import org.assist.protocol.StepFinished;
import org.assist.protocol.StepStarted;

/**
 * Reports each script of a run to the server as it goes, and tells the customer. A script's start
 * is reported once it has run for {@link #START_REPORTED_AFTER_MILLIS} or writes its first output,
 * whichever comes first; a script that ends before either is reported by its end alone, which says
 * it started: a quick script costs the server one event less, and its end reaches the console
 * sooner. A script's output and end may wait a moment for the events after them (see {@link
 * org.assist.agent.messaging.Outbox}), so that a quick run reaches the server in one message.
 */
public final class RunReporter implements StepListener {
  static final long START_REPORTED_AFTER_MILLIS = 50;

  /** Where the run's events go (to the server, as answers to the run's command). */
  public interface Events {
    /**
     * @param mayWait whether the event may go a moment later, with the next one
     */
    void send(EventBody body, boolean mayWait);
  }

  private final RunPlan plan;
  private final Customer customer;
  private final ScheduledExecutorService timer;
  private final Events events;
  private final ScriptInProgress inProgress;

  /** The step whose start is not reported yet, or -1. */
  private int unreportedStart = -1;

  /** How many parts of output the running step reported. */
  private int outputParts;

  /**
   * @param inProgress where the running script is marked while it runs, or null
   */
  public RunReporter(
      RunPlan plan,
      Customer customer,
      ScheduledExecutorService timer,
      Events events,
      ScriptInProgress inProgress) {
    this.plan = plan;
    this.customer = customer;
    this.timer = timer;
    this.events = events;
    this.inProgress = inProgress;
  }

  @Override
  public void started(int step) {
    customer.tell(Texts.get("runStarted", name(step)));
    if (inProgress != null) {
      inProgress.started(step);
    }
    synchronized (this) {
      unreportedStart = step;
      outputParts = 0;
    }
    timer.schedule(() -> reportStart(step), START_REPORTED_AFTER_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The computer restarts: the server hears it now, before the computer goes down. */
  @Override
  public void restarting(int step) {
    events.send(new StepStarted(step), false);
  }

  /** A step's name as the customer reads it. */
  private String name(int step) {
    RunPlan.Step which = plan.steps().get(step);
    return which.isRestart() ? Texts.get("restartStep") : which.name();
  }

  /** Reports the step's start unless it was reported, or the step ended, before. */
  private synchronized void reportStart(int step) {
    if (unreportedStart == step) {
      unreportedStart = -1;
      events.send(new StepStarted(step), false);
    }
  }

  @Override
  public void output(int step, int seq, boolean stderr, String text) {
    reportStart(step);
    synchronized (this) {
      outputParts = Math.max(outputParts, seq + 1);
    }
    events.send(new OutputChunk(step, seq, stderr, text), true);
  }

  @Override
  public void finished(
      int step, Integer exitCode, long millis, boolean timedOut, boolean truncated, String error) {
    int parts;
    synchronized (this) {
      if (unreportedStart == step) {
        unreportedStart = -1;
      }
      parts = outputParts;
      outputParts = 0;
    }
    String name = name(step);
    if (error != null || timedOut) {
      customer.tell(Texts.get("runFailed", name, timedOut ? "timeout" : error));
    } else if (!plan.steps().get(step).isRestart()) {
      // the end of a restart is said by the agent that is back
      customer.tell(Texts.get("runFinished", name, exitCode));
    }
    events.send(new StepFinished(step, exitCode, millis, timedOut, truncated, error, parts), true);
    if (inProgress != null) {
      inProgress.ended();
    }
  }
}
