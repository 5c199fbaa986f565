package org.assist.protocol;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered run of scripts, carried in one command so that their order cannot be broken by a
 * redelivery. Each step names the script version to fetch and the SHA-256 its files must have.
 */
public record RunPlan(String runId, boolean stopOnFailure, List<Step> steps) {
  /** Output kept per script: beyond it, the output is cut and marked as cut. */
  public static final int MAX_OUTPUT_BYTES = 10 * 1024 * 1024;

  public static final int MAX_STEPS = 50;
  public static final int MAX_TIMEOUT_SECONDS = 24 * 3600;

  /** One script of the run; {@code inputName} and the input's hash are null without input file. */
  public record Step(
      int index,
      long versionId,
      String name,
      ScriptKind kind,
      String executableName,
      String executableSha256,
      String inputName,
      String inputSha256,
      int timeoutSeconds) {

    public boolean hasInput() {
      return inputName != null;
    }
  }

  /** Where an agent fetches a file of a version: {@code executable} or {@code input}. */
  public static String filePath(long versionId, boolean input) {
    return "/assist/api/v1/agent/files/" + versionId + "/" + (input ? "input" : "executable");
  }

  public JsonObject toJson() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (Step step : steps) {
      JsonObjectBuilder item =
          Json.createObjectBuilder()
              .add("index", step.index())
              .add("versionId", step.versionId())
              .add("name", step.name())
              .add("kind", step.kind().name())
              .add("executableName", step.executableName())
              .add("executableSha256", step.executableSha256())
              .add("timeoutSeconds", step.timeoutSeconds());
      if (step.hasInput()) {
        item.add("inputName", step.inputName()).add("inputSha256", step.inputSha256());
      }
      list.add(item);
    }
    return Json.createObjectBuilder()
        .add("runId", runId)
        .add("stopOnFailure", stopOnFailure)
        .add("steps", list)
        .build();
  }

  public static RunPlan fromJson(JsonObject json) throws MalformedMessageException {
    try {
      List<Step> steps = new ArrayList<>();
      var list = json.getJsonArray("steps");
      if (list.isEmpty() || list.size() > MAX_STEPS) {
        throw new MalformedMessageException("a run has 1 to " + MAX_STEPS + " scripts");
      }
      for (JsonObject item : list.getValuesAs(JsonObject.class)) {
        int timeout = item.getInt("timeoutSeconds");
        String sha = item.getString("executableSha256");
        String inputSha = item.getString("inputSha256", null);
        if (timeout < 1
            || timeout > MAX_TIMEOUT_SECONDS
            || !isSha256(sha)
            || (inputSha != null && !isSha256(inputSha))) {
          throw new MalformedMessageException("bad step " + item.getInt("index"));
        }
        steps.add(
            new Step(
                item.getInt("index"),
                item.getJsonNumber("versionId").longValue(),
                item.getString("name"),
                ScriptKind.valueOf(item.getString("kind")),
                item.getString("executableName"),
                sha,
                item.getString("inputName", null),
                inputSha,
                timeout));
      }
      return new RunPlan(json.getString("runId"), json.getBoolean("stopOnFailure", false), steps);
    } catch (NullPointerException | ClassCastException | IllegalArgumentException e) {
      throw new MalformedMessageException("run out of shape: " + e, e);
    }
  }

  private static boolean isSha256(String text) {
    return text != null && text.matches("[0-9a-f]{64}");
  }
}
