package org.assist.application.run;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assist.application.chat.ChatLine;
import org.assist.application.chat.ChatLinesAdded;
import org.assist.application.policy.Policies;
import org.assist.application.policy.Policy;
import org.assist.application.restart.RestartService;
import org.assist.application.session.SessionChanged;
import org.assist.application.session.SessionChanged.Part;
import org.assist.application.session.SessionReport;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.report.EventKind;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;
import org.assist.domain.run.RunTarget;
import org.assist.domain.run.StepState;
import org.assist.domain.run.TargetState;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.RunFinished;
import org.assist.protocol.RunPlan;
import org.assist.protocol.StepFinished;
import org.assist.protocol.StepStarted;

/**
 * Applies what an agent reports about a run: consent, each script's start, output and end, the
 * run's end; and what happens around it (the agent vanishing, the command expiring). A report
 * delivered twice changes nothing the second time. The chat's new lines go to open consoles as they
 * come; the run's progress re-renders there.
 */
@Stateless
@PermitAll
public class RunProgress {
  @PersistenceContext private EntityManager em;
  @Inject private SessionReport report;
  @Inject private Policies policies;
  @Inject private RestartService restarts;
  @Inject private Event<SessionChanged> changes;
  @Inject private Event<ChatLinesAdded> lines;
  @Inject private Event<RunTargetEnded> ends;

  public void consent(RunTarget target, boolean granted, String how) {
    target.consented(how);
    if (granted) {
      target.moveTo(TargetState.RUNNING, null);
    } else if (target.moveTo(TargetState.DECLINED, null)) {
      abandon(target, StepState.SKIPPED);
    }
    changed(target);
  }

  /**
   * The run of this command on the agent's session, with its command, session, technician and
   * steps, in one query; null if the command is not a run on that agent's session.
   */
  public RunTarget target(String agentId, String commandId) {
    return em
        .createQuery(
            "select t from RunTarget t join fetch t.command c join fetch t.session s"
                + " join fetch s.technician join fetch s.agent a left join fetch t.steps"
                + " where c.id = :command and a.id = :agent",
            RunTarget.class)
        .setParameter("command", commandId)
        .setParameter("agent", agentId)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  public void stepStarted(RunTarget target, StepStarted started) {
    RunStep step = step(target, started.step());
    if (step != null && step.isRestart()) {
      // the run's restart step: the session shows the computer restarting, as a restart alone does
      if (step.started()) {
        restarts.started(target.getSession());
        changed(target);
      }
      return;
    }
    if (step != null && step.started()) {
      lines(target, new ChatLine.Started(RunDetails.Step.of(step)));
      changed(target);
    }
  }

  /**
   * Keeps a chunk of output, up to the limit per script; a chunk seen before is ignored. A chunk
   * past the limit is kept empty: it counts as arrived (see {@link #stepFinished}).
   */
  public void output(RunTarget target, OutputChunk output) {
    RunStep step = step(target, output.step());
    if (step == null) {
      return;
    }
    int seq = output.seq();
    long seen =
        em.createQuery(
                "select count(o) from RunOutput o where o.step = :step and o.seq = :seq",
                Long.class)
            .setParameter("step", step)
            .setParameter("seq", seq)
            .getSingleResult();
    if (seen > 0) {
      return;
    }
    String text = output.text();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long before = step.getOutputBytes();
    int kept = step.keep(bytes.length, (int) policies.value(Policy.OUTPUT_MAX_BYTES));
    String keptText =
        kept == bytes.length ? text : new String(bytes, 0, kept, StandardCharsets.UTF_8);
    RunOutput chunk = new RunOutput(step, seq, output.stderr(), keptText);
    em.persist(chunk);
    if (kept > 0) {
      lines(
          target,
          new ChatLine.Output(RunDetails.Step.of(step), RunDetails.Output.of(chunk), before));
    }
  }

  /**
   * A step that ended before its start was reported has its start shown now. The agent says how
   * many parts of output it sent: those that never arrived are counted, and shown as a gap.
   */
  public void stepFinished(RunTarget target, StepFinished finished) {
    RunStep step = step(target, finished.step());
    if (step != null && finished.outputParts() != null) {
      long arrived =
          em.createQuery("select count(o) from RunOutput o where o.step = :step", Long.class)
              .setParameter("step", step)
              .getSingleResult();
      step.outputMissing((int) (finished.outputParts() - arrived));
    }
    boolean startShown = step != null && step.getState() != StepState.PENDING;
    if (step == null
        || !step.finished(
            finished.exitCode(),
            finished.millis(),
            finished.timedOut(),
            finished.truncated(),
            finished.error())) {
      return;
    }
    if (step.isRestart()) {
      // its end is the agent's being back (the session's report says so); a failed restart is said
      if (step.getError() != null) {
        restarts.failed(target.getSession());
        report.record(
            target.getSession(),
            EventKind.SCRIPT_FINISHED,
            SessionReport.CUSTOMER,
            RunPlan.Step.RESTART + ": " + step.getError(),
            target.getCommand().getId());
      }
      changed(target);
      return;
    }
    if (startShown) {
      lines(target, new ChatLine.Ended(RunDetails.Step.of(step)));
    } else {
      lines(
          target,
          new ChatLine.Started(RunDetails.Step.of(step)),
          new ChatLine.Ended(RunDetails.Step.of(step)));
    }
    report.record(
        target.getSession(),
        EventKind.SCRIPT_FINISHED,
        SessionReport.CUSTOMER,
        step.getName()
            + " v"
            + step.getVersionNumber()
            + " ("
            + step.getExecutableSha256().substring(0, 12)
            + "…): "
            + (step.isTimedOut()
                ? "timed out"
                : step.getError() != null ? step.getError() : "exit " + step.getExitCode()),
        target.getCommand().getId(),
        step.getId());
  }

  public void runFinished(RunTarget target, RunFinished finished) {
    boolean failed = target.getSteps().stream().anyMatch(s -> s.getState() == StepState.FAILED);
    String error = finished.error();
    abandon(target, StepState.SKIPPED);
    TargetState state = failed || error != null ? TargetState.FAILED : TargetState.DONE;
    if (target.ended(state, error)) {
      recordEnd(target, state);
    }
    target.getCommand().moveTo(CommandStatus.DONE);
  }

  /** The agents of the runs going on now. */
  public List<String> agentsWithRunsGoingOn() {
    return em.createQuery(
            "select distinct t.session.agent.id from RunTarget t where t.state = :running",
            String.class)
        .setParameter("running", TargetState.RUNNING)
        .getResultList();
  }

  /** The agent's connection went away: runs in progress on it are interrupted. */
  public void agentGone(String agentId) {
    List<RunTarget> running =
        em.createQuery(
                "select t from RunTarget t where t.session.agent.id = :agent and t.state = :running",
                RunTarget.class)
            .setParameter("agent", agentId)
            .setParameter("running", TargetState.RUNNING)
            .getResultList();
    for (RunTarget target : running) {
      if (atRestartStep(target)) {
        // the computer is restarting: the run goes on once its agent is back
        continue;
      }
      abandon(target, StepState.INTERRUPTED);
      end(target, TargetState.INTERRUPTED, "the customer's computer disconnected during the run");
    }
  }

  /** Whether the run's next step to end is a restart of the computer. */
  private static boolean atRestartStep(RunTarget target) {
    return target.getSteps().stream()
        .filter(
            step -> step.getState() == StepState.PENDING || step.getState() == StepState.RUNNING)
        .min(java.util.Comparator.comparingInt(RunStep::getIndex))
        .map(RunStep::isRestart)
        .orElse(false);
  }

  /** The command waited past its time to live, or the agent refused it. */
  public void ended(AgentCommand command, TargetState state, String why) {
    RunTarget target = targetOf(command);
    if (target != null) {
      abandon(target, StepState.SKIPPED);
      end(target, state, why);
    }
  }

  private void abandon(RunTarget target, StepState why) {
    List<ChatLine> ended = new ArrayList<>();
    for (RunStep step : target.getSteps()) {
      if (step.abandon(why)) {
        ended.add(new ChatLine.Ended(RunDetails.Step.of(step)));
      }
    }
    if (!ended.isEmpty()) {
      lines(target, ended.toArray(ChatLine[]::new));
    }
  }

  private void end(RunTarget target, TargetState state, String why) {
    if (target.moveTo(state, why)) {
      recordEnd(target, state);
    }
  }

  private void recordEnd(RunTarget target, TargetState state) {
    ends.fire(new RunTargetEnded(target.getRun().getId()));
    report.record(
        target.getSession(),
        EventKind.RUN_ENDED,
        SessionReport.SYSTEM,
        state.name(),
        target.getCommand().getId());
  }

  private static RunStep step(RunTarget target, int index) {
    return target.getSteps().stream().filter(s -> s.getIndex() == index).findFirst().orElse(null);
  }

  /** The command's run on its session, with its steps (one query). */
  private RunTarget targetOf(AgentCommand command) {
    return em
        .createQuery(
            "select t from RunTarget t left join fetch t.steps where t.command = :command",
            RunTarget.class)
        .setParameter("command", command)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** The chat gained these lines, in this order. */
  private void lines(RunTarget target, ChatLine... added) {
    SupportSession session = target.getSession();
    lines.fire(
        new ChatLinesAdded(session.getId(), session.getTechnician().getUsername(), List.of(added)));
  }

  /** The run's progress changed: consoles re-render it. */
  private void changed(RunTarget target) {
    SupportSession session = target.getSession();
    changes.fire(
        new SessionChanged(session.getId(), session.getTechnician().getUsername(), Part.RUNS));
  }
}
