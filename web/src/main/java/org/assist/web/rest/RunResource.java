package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assist.application.InvalidInputException;
import org.assist.application.run.RunDetails;
import org.assist.application.run.RunRequest;
import org.assist.application.run.RunService;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;
import org.assist.protocol.JsonCodec;

/**
 * {@code /api/v1/runs}: launch an ordered run of library scripts on sessions, and read how it went
 * per session and per script, output included (a ticketing tool launches a fix and reads the
 * result).
 */
@Path("v1/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
  @Inject private RunService runs;

  /**
   * {@code {"sessions": [ids], "scripts": [ids in order], "stopOnFailure": false, "timeouts":
   * [s]}}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response launch(JsonObject body, @Context UriInfo uri) {
    if (body == null) {
      throw new InvalidInputException("run.scripts.required", "scripts", 50);
    }
    List<Long> sessions = numbers(body, "sessions");
    List<Long> scripts = numbers(body, "scripts");
    List<Long> timeouts = body.containsKey("timeouts") ? numbers(body, "timeouts") : List.of();
    List<RunRequest.Item> items = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      items.add(
          new RunRequest.Item(
              scripts.get(i), i < timeouts.size() ? timeouts.get(i).intValue() : null));
    }
    long id = runs.launch(new RunRequest(sessions, items, body.getBoolean("stopOnFailure", false)));
    return Response.accepted(JsonCodec.object().add("id", id).build())
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
        .build();
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    RunDetails details = runs.find(id);
    JsonArrayBuilder targets = JsonCodec.array();
    for (RunDetails.Target target : details.targets()) {
      JsonArrayBuilder steps = JsonCodec.array();
      for (RunStep step : target.steps()) {
        JsonObjectBuilder item =
            JsonCodec.object()
                .add("index", step.getIndex())
                .add("name", step.getName())
                .add("version", step.getVersionNumber())
                .add("sha256", step.getExecutableSha256())
                .add("state", step.getState().name())
                .add("timedOut", step.isTimedOut())
                .add("truncated", step.isTruncated());
        nullable(item, "inputSha256", step.getInputSha256());
        nullable(item, "startedAt", step.getStartedAt());
        nullable(item, "finishedAt", step.getFinishedAt());
        nullable(item, "error", step.getError());
        if (step.getExitCode() != null) {
          item.add("exitCode", step.getExitCode());
        } else {
          item.addNull("exitCode");
        }
        if (step.getDuration() != null) {
          item.add("durationMillis", step.getDuration().toMillis());
        }
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        for (RunOutput chunk : runs.output(step.getId())) {
          (chunk.isStderr() ? stderr : stdout).append(chunk.getText());
        }
        steps.add(item.add("stdout", stdout.toString()).add("stderr", stderr.toString()));
      }
      JsonObjectBuilder entry =
          JsonCodec.object()
              .add("sessionId", target.target().getSession().getId())
              .add("state", target.target().getState().name())
              .add("steps", steps);
      nullable(entry, "consent", target.target().getConsent());
      nullable(entry, "detail", target.target().getDetail());
      targets.add(entry);
    }
    return JsonCodec.object()
        .add("id", details.run().getId())
        .add("launchedBy", details.run().getLaunchedBy())
        .add("createdAt", details.run().getCreatedAt().toString())
        .add("stopOnFailure", details.run().isStopOnFailure())
        .add("sessions", targets)
        .build();
  }

  private static void nullable(JsonObjectBuilder builder, String name, Object value) {
    if (value == null) {
      builder.add(name, JsonValue.NULL);
    } else {
      builder.add(name, value instanceof Instant instant ? instant.toString() : value.toString());
    }
  }

  private static List<Long> numbers(JsonObject body, String name) {
    try {
      return body.getJsonArray(name).getValuesAs(jakarta.json.JsonNumber.class).stream()
          .map(jakarta.json.JsonNumber::longValue)
          .toList();
    } catch (NullPointerException | ClassCastException e) {
      throw new InvalidInputException("run." + name + ".required", name, 50);
    }
  }
}
