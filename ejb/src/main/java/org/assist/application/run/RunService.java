package org.assist.application.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assist.application.Caller;
import org.assist.application.InvalidInputException;
import org.assist.application.NotFoundException;
import org.assist.application.Roles;
import org.assist.application.agent.AgentCommands;
import org.assist.application.agent.AgentFiles;
import org.assist.application.agent.Presence;
import org.assist.application.policy.Policies;
import org.assist.application.policy.Policy;
import org.assist.application.script.ScriptService;
import org.assist.application.script.VersionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;
import org.assist.domain.run.RunTarget;
import org.assist.domain.run.ScriptRun;
import org.assist.domain.run.TargetState;
import org.assist.domain.script.ScriptVersion;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.CommandType;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.RunPlan;

/**
 * Launches ordered runs of library scripts on sessions and reads how they went. The run on each
 * session is one signed command carrying the whole ordered list, so order survives redelivery.
 */
@Stateless
@RolesAllowed(Roles.TECHNICIAN)
public class RunService {
  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private SupportSessionService sessions;
  @Inject private ScriptService scripts;
  @Inject private AgentCommands commands;
  @Inject private AgentFiles files;
  @Inject private Presence presence;
  @Inject private Policies policies;

  /** Launches the run on every session; the customers are asked on their computers. */
  public long launch(RunRequest request) {
    int defaultTimeout = (int) policies.value(Policy.SCRIPT_TIMEOUT_SECONDS);
    request.validate(defaultTimeout, (int) policies.value(Policy.SCRIPT_TIMEOUT_MAX_SECONDS));
    Map<Long, VersionRow> current = new HashMap<>();
    for (VersionRow row :
        scripts.currentVersions(
            request.scripts().stream()
                .filter(item -> !item.isRestart())
                .map(RunRequest.Item::scriptId)
                .toList())) {
      current.put(row.scriptId(), row);
    }
    List<VersionRow> versions = new ArrayList<>();
    List<RunPlan.Step> steps = new ArrayList<>();
    InlineFiles inline = new InlineFiles();
    for (int i = 0; i < request.scripts().size(); i++) {
      RunRequest.Item item = request.scripts().get(i);
      if (item.isRestart()) {
        versions.add(null);
        steps.add(RunPlan.Step.restart(i));
        continue;
      }
      VersionRow version = current.get(item.scriptId());
      versions.add(version);
      steps.add(
          new RunPlan.Step(
              i,
              version.id(),
              version.name(),
              version.kind(),
              inline.file(
                  version.executableName(),
                  version.executableSha256(),
                  version.executableFileId(),
                  version.executableSize()),
              inline.file(
                  version.inputName(),
                  version.inputSha256(),
                  version.inputFileId(),
                  version.inputSize()),
              item.timeout(defaultTimeout)));
    }
    List<SupportSession> targets = sessions.findAll(request.sessions());
    for (SupportSession session : targets) {
      if (session.getState() != SessionState.CONNECTED) {
        throw new InvalidInputException("run.noCustomer", "sessions", session.getDisplayNumber());
      }
    }
    ScriptRun run = new ScriptRun(caller.name(), request.stopOnFailure());
    em.persist(run);
    String names =
        String.join(
            ", ",
            versions.stream()
                .map(v -> v == null ? RunPlan.Step.RESTART : v.name() + " v" + v.number())
                .toList());
    byte[] plan =
        JsonCodec.bytes(
            commands.withConsentTimeout(
                new RunPlan(UUID.randomUUID().toString(), request.stopOnFailure(), steps)));
    for (SupportSession session : targets) {
      AgentCommand command =
          commands.issue(session, CommandType.RUN_SCRIPTS, plan, "RUN_SCRIPTS: " + names);
      RunTarget target = new RunTarget(run, session, command);
      em.persist(target);
      for (RunPlan.Step step : steps) {
        VersionRow version = versions.get(step.index());
        if (step.isRestart()) {
          em.persist(RunStep.restart(target, step.index()));
          continue;
        }
        em.persist(
            new RunStep(
                target,
                step.index(),
                em.getReference(ScriptVersion.class, version.id()),
                version.name(),
                version.number(),
                version.executableSha256(),
                version.inputSha256(),
                step.timeoutSeconds()));
      }
    }
    return run.getId();
  }

  /**
   * The files of a plan: inside it while they stay within {@link RunPlan#MAX_INLINE_BYTES} in all,
   * the others by reference.
   */
  private final class InlineFiles {
    private int used;

    /** The file, or null if there is none ({@code name} null). */
    RunPlan.File file(String name, String sha256, Long fileId, Integer size) {
      if (name == null) {
        return null;
      }
      boolean inline = used + size <= RunPlan.MAX_INLINE_BYTES;
      used += inline ? size : 0;
      return new RunPlan.File(name, sha256, inline ? files.content(fileId) : null);
    }
  }

  /** A run with every session's progress, if the caller launched it or may see its sessions. */
  public RunDetails find(long runId) {
    ScriptRun run = em.find(ScriptRun.class, runId);
    if (run == null) {
      throw new NotFoundException("run.notFound");
    }
    List<RunTarget> targets =
        em.createQuery(
                "select t from RunTarget t join fetch t.session s join fetch s.technician"
                    + " left join fetch s.agent where t.run.id = :run order by t.id",
                RunTarget.class)
            .setParameter("run", runId)
            .getResultStream()
            .filter(t -> caller.mayActFor(t.getSession().getTechnician().getUsername()))
            .toList();
    if (targets.isEmpty()) {
      throw new NotFoundException("run.notFound");
    }
    return RunDetails.of(run, withSteps(targets, "s.target.run.id = :id", runId));
  }

  /** A run with each step's whole kept output, by step id. */
  public record WithOutput(RunDetails run, Map<Long, List<RunDetails.Output>> output) {}

  /**
   * The run as {@link #find} reads it, with the output of its steps on the sessions the caller may
   * see, in one more query (not one per step: a run on 200 sessions is read in four).
   */
  public WithOutput findWithOutput(long runId) {
    RunDetails run = find(runId);
    Map<Long, List<RunDetails.Output>> output = new HashMap<>();
    run.targets().forEach(t -> t.steps().forEach(step -> output.put(step.id(), new ArrayList<>())));
    em.createQuery(
            "select o from RunOutput o where o.step.target.run.id = :run order by o.seq",
            RunOutput.class)
        .setParameter("run", runId)
        .getResultList()
        .forEach(
            chunk -> {
              List<RunDetails.Output> ofStep = output.get(chunk.getStepId());
              if (ofStep != null) {
                ofStep.add(RunDetails.Output.of(chunk));
              }
            });
    return new WithOutput(run, output);
  }

  /**
   * On how many of the sessions the caller may see the run has not ended yet, in one light query
   * (no steps, no output): asked again at ends of its sessions by a caller waiting for its result.
   */
  public int unfinishedTargets(long runId) {
    List<Object[]> targets =
        em
            .createQuery(
                "select t.state, s.technician.username from RunTarget t join t.session s"
                    + " where t.run.id = :run",
                Object[].class)
            .setParameter("run", runId)
            .getResultList()
            .stream()
            .filter(t -> caller.mayActFor((String) t[1]))
            .toList();
    if (targets.isEmpty()) {
      throw new NotFoundException("run.notFound");
    }
    return (int) targets.stream().filter(t -> !((TargetState) t[0]).isFinished()).count();
  }

  /** The runs of a session, newest first, with their steps (not their output); two queries. */
  public List<RunDetails.Target> ofSession(long sessionId) {
    sessions.checkVisible(sessionId);
    List<RunTarget> targets =
        em.createQuery(
                "select t from RunTarget t join fetch t.run join fetch t.session s"
                    + " left join fetch s.agent where s.id = :session order by t.id desc",
                RunTarget.class)
            .setParameter("session", sessionId)
            .getResultList();
    return withSteps(targets, "s.target.session.id = :id", sessionId);
  }

  /** The targets as rows, with the steps the condition on {@code s} finds (one query). */
  private List<RunDetails.Target> withSteps(List<RunTarget> targets, String where, long id) {
    Map<Long, List<RunStep>> steps = new HashMap<>();
    em.createQuery("select s from RunStep s where " + where + " order by s.index", RunStep.class)
        .setParameter("id", id)
        .getResultList()
        .forEach(
            step ->
                steps.computeIfAbsent(step.getTarget().getId(), t -> new ArrayList<>()).add(step));
    return targets.stream()
        .map(
            t ->
                RunDetails.Target.of(
                    t,
                    presence.isOnline(t.getSession().getAgent().getId()),
                    steps.getOrDefault(t.getId(), List.of())))
        .toList();
  }

  /**
   * The first {@code maxChunks} chunks of output of each of a session's steps, by step id, in one
   * query (for the session's chat).
   */
  public Map<Long, List<RunDetails.Output>> firstOutput(long sessionId, int maxChunks) {
    sessions.checkVisible(sessionId);
    Map<Long, List<RunDetails.Output>> output = new HashMap<>();
    em.createQuery(
            "select o from RunOutput o where o.step.target.session.id = :session and o.seq < :max"
                + " order by o.seq",
            RunOutput.class)
        .setParameter("session", sessionId)
        .setParameter("max", maxChunks)
        .getResultList()
        .forEach(
            chunk ->
                output
                    .computeIfAbsent(chunk.getStepId(), s -> new ArrayList<>())
                    .add(RunDetails.Output.of(chunk)));
    return output;
  }

  /** A step's output in order, if its session is visible. */
  public List<RunDetails.Output> output(long stepId) {
    RunStep step = em.find(RunStep.class, stepId);
    if (step == null) {
      throw new NotFoundException("run.notFound");
    }
    sessions.checkVisible(step.getTarget().getSession().getId());
    return em.createQuery(
            "select o from RunOutput o where o.step = :step order by o.seq", RunOutput.class)
        .setParameter("step", step)
        .getResultStream()
        .map(RunDetails.Output::of)
        .toList();
  }
}
