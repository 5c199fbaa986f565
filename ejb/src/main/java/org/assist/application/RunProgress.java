package org.assist.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.report.EventKind;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;
import org.assist.domain.run.RunTarget;
import org.assist.domain.run.StepState;
import org.assist.domain.run.TargetState;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.RunPlan;

/**
 * Applies what an agent reports about a run: consent, each script's start, output and end, the
 * run's end; and what happens around it (the agent vanishing, the command expiring). A report
 * delivered twice changes nothing the second time.
 */
@Stateless
@PermitAll
public class RunProgress {
  @PersistenceContext private EntityManager em;
  @Inject private SessionReport report;
  @Inject private Event<SessionChanged> changes;

  public void consent(AgentCommand command, boolean granted, String how) {
    RunTarget target = targetOf(command);
    if (target == null) {
      return;
    }
    target.consented(how);
    if (granted) {
      target.moveTo(TargetState.RUNNING, null);
    } else if (target.moveTo(TargetState.DECLINED, null)) {
      target.getSteps().forEach(step -> step.abandon(StepState.SKIPPED));
    }
    changed(target, "run");
  }

  public void stepStarted(AgentCommand command, JsonObject body) {
    RunStep step = step(command, body);
    if (step != null) {
      step.started();
      changed(step.getTarget(), "run");
    }
  }

  /** Keeps a chunk of output, up to the limit per script; a chunk seen before is ignored. */
  public void output(AgentCommand command, JsonObject body) {
    RunStep step = step(command, body);
    if (step == null) {
      return;
    }
    int seq = body.getInt("seq", -1);
    long seen =
        em.createQuery(
                "select count(o) from RunOutput o where o.step = :step and o.seq = :seq",
                Long.class)
            .setParameter("step", step)
            .setParameter("seq", seq)
            .getSingleResult();
    if (seq < 0 || seen > 0) {
      return;
    }
    String text = body.getString("text", "");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int kept = step.keep(bytes.length, RunPlan.MAX_OUTPUT_BYTES);
    if (kept > 0) {
      String keptText =
          kept == bytes.length ? text : new String(bytes, 0, kept, StandardCharsets.UTF_8);
      em.persist(new RunOutput(step, seq, "stderr".equals(body.getString("stream", "")), keptText));
    }
    changed(step.getTarget(), "output");
  }

  public void stepFinished(AgentCommand command, JsonObject body) {
    RunStep step = step(command, body);
    if (step == null
        || !step.finished(
            body.containsKey("exitCode") && !body.isNull("exitCode")
                ? body.getInt("exitCode")
                : null,
            body.getJsonNumber("millis") == null ? 0 : body.getJsonNumber("millis").longValue(),
            body.getBoolean("timedOut", false),
            body.getBoolean("truncated", false),
            body.getString("error", null))) {
      return;
    }
    SupportSession session = step.getTarget().getSession();
    report.record(
        session,
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
        command.getId());
  }

  public void runFinished(AgentCommand command, JsonObject body) {
    RunTarget target = targetOf(command);
    if (target == null) {
      return;
    }
    boolean failed = target.getSteps().stream().anyMatch(s -> s.getState() == StepState.FAILED);
    String error = body.getString("error", null);
    target.getSteps().forEach(step -> step.abandon(StepState.SKIPPED));
    end(target, failed || error != null ? TargetState.FAILED : TargetState.DONE, error);
    command.moveTo(CommandStatus.DONE);
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
      target.getSteps().forEach(step -> step.abandon(StepState.INTERRUPTED));
      end(target, TargetState.INTERRUPTED, "the customer's computer disconnected during the run");
    }
  }

  /** The command waited past its time to live, or the agent refused it. */
  public void ended(AgentCommand command, TargetState state, String why) {
    RunTarget target = targetOf(command);
    if (target != null) {
      target.getSteps().forEach(step -> step.abandon(StepState.SKIPPED));
      end(target, state, why);
    }
  }

  private void end(RunTarget target, TargetState state, String why) {
    if (target.moveTo(state, why)) {
      report.record(
          target.getSession(),
          EventKind.RUN_ENDED,
          SessionReport.SYSTEM,
          state.name(),
          target.getCommand().getId());
    }
  }

  private RunStep step(AgentCommand command, JsonObject body) {
    RunTarget target = targetOf(command);
    if (target == null) {
      return null;
    }
    int index = body.getInt("step", -1);
    return target.getSteps().stream().filter(s -> s.getIndex() == index).findFirst().orElse(null);
  }

  private RunTarget targetOf(AgentCommand command) {
    return em.createQuery("select t from RunTarget t where t.command = :command", RunTarget.class)
        .setParameter("command", command)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private void changed(RunTarget target, String what) {
    SupportSession session = target.getSession();
    changes.fire(new SessionChanged(session.getId(), session.getTechnician().getUsername(), what));
  }
}
