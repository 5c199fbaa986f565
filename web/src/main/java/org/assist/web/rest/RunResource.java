package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.assist.application.InvalidInputException;
import org.assist.application.run.RunDetails;
import org.assist.application.run.RunRequest;
import org.assist.application.run.RunService;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * {@code /api/v1/runs}: launch an ordered run of library scripts on sessions, and read how it went
 * per session and per script, output included (a ticketing tool launches a fix and reads the
 * result).
 */
@Path("v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
  /** The longest a caller may wait for a run's end in one call. */
  static final long MAX_WAIT_MILLIS = 60_000;

  @Inject private RunService runs;
  @Inject private RunWaits waits;

  /**
   * {@code {"sessions": [ids], "scripts": [ids in order], "stopOnFailure": false, "timeouts":
   * [s]}}: 202 with the run's id. With {@code waitMillis} (up to a minute), the answer is the run
   * as {@link #get} gives it, as soon as it has ended on every session (200) or when the wait is
   * over (202, the run still going): one call runs a quick fix and brings its result.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> launch(
      RunJson.LaunchJson body,
      @QueryParam("waitMillis") @DefaultValue("0") long waitMillis,
      @Context UriInfo uri) {
    checkWait(waitMillis);
    RunJson.LaunchJson launch =
        body == null ? new RunJson.LaunchJson(null, null, null, null) : body;
    List<Long> scripts = launch.scripts() == null ? List.of() : launch.scripts();
    List<Integer> timeouts = launch.timeouts() == null ? List.of() : launch.timeouts();
    List<RunRequest.Item> items = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      items.add(new RunRequest.Item(scripts.get(i), i < timeouts.size() ? timeouts.get(i) : null));
    }
    long id =
        runs.launch(
            new RunRequest(launch.sessions(), items, Boolean.TRUE.equals(launch.stopOnFailure())));
    URI location = uri.getAbsolutePathBuilder().path(String.valueOf(id)).build();
    if (waitMillis == 0) {
      return CompletableFuture.completedFuture(
          Response.accepted(new RunJson.LaunchedJson(id)).location(location).build());
    }
    return waitFor(id, waitMillis)
        .thenApply(
            run ->
                (run.ended() ? Response.ok(run) : Response.accepted(run))
                    .location(location)
                    .build());
  }

  /**
   * The run as it stands; with {@code waitMillis} (up to a minute), as soon as it has ended on
   * every session or when the wait is over, whichever comes first: a ticketing tool gets the result
   * the moment it is stored, without polling.
   */
  @GET
  @Path("{id}")
  public CompletionStage<RunJson> get(
      @PathParam("id") long id, @QueryParam("waitMillis") @DefaultValue("0") long waitMillis) {
    checkWait(waitMillis);
    if (waitMillis == 0) {
      return CompletableFuture.completedFuture(read(id));
    }
    return waitFor(id, waitMillis);
  }

  private static void checkWait(long waitMillis) {
    if (waitMillis < 0 || waitMillis > MAX_WAIT_MILLIS) {
      throw new InvalidInputException("run.waitMillis", "waitMillis", MAX_WAIT_MILLIS);
    }
  }

  /** The run once it has ended, or as it stands after {@code waitMillis}; holds no thread. */
  private CompletionStage<RunJson> waitFor(long id, long waitMillis) {
    // read again later, on another thread, as the caller
    SecurityIdentity caller = SecurityDomain.getCurrent().getCurrentSecurityIdentity();
    return waits.until(
        id,
        Duration.ofMillis(waitMillis),
        () -> caller.runAsSupplier(() -> read(id)),
        RunJson::ended,
        () -> caller.runAsSupplier(() -> runs.unfinishedTargets(id)));
  }

  private RunJson read(long id) {
    RunService.WithOutput read = runs.findWithOutput(id);
    RunDetails details = read.run();
    List<RunJson.SessionJson> sessions = new ArrayList<>();
    for (RunDetails.Target target : details.targets()) {
      sessions.add(
          new RunJson.SessionJson(
              target.sessionId(),
              target.state().name(),
              target.consent(),
              target.detail(),
              target.steps().stream()
                  .map(step -> RunJson.StepJson.of(step, read.output().get(step.id())))
                  .toList()));
    }
    return new RunJson(
        details.id(),
        details.launchedBy(),
        details.createdAt(),
        details.stopOnFailure(),
        details.targets().stream().allMatch(target -> target.state().isFinished()),
        sessions);
  }
}
