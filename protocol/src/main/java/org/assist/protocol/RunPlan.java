package org.assist.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An ordered run of scripts, carried in one command so that their order cannot be broken by a
 * redelivery. Each step names the script version and the SHA-256 its files must have; small files
 * travel inside the (signed) command, bigger ones are fetched by reference.
 */
public record RunPlan(String runId, boolean stopOnFailure, List<Step> steps)
    implements CommandBody {
  /** Output kept per script: beyond it, the output is cut and marked as cut. */
  public static final int MAX_OUTPUT_BYTES = 10 * 1024 * 1024;

  public static final int MAX_STEPS = 50;
  public static final int MAX_TIMEOUT_SECONDS = 24 * 3600;

  /**
   * Most bytes of files a plan carries itself: a help desk's usual script arrives with the command,
   * without a second round trip; bigger files are fetched by reference, so a command stays small.
   */
  public static final int MAX_INLINE_BYTES = 64 * 1024;

  /**
   * A file of a step: its name, the SHA-256 it must have and, when it travels inside the command,
   * its bytes ({@code content} null: fetch it by reference).
   */
  public record File(String name, String sha256, byte[] content) {
    public boolean isInline() {
      return content != null;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof File file
          && name.equals(file.name)
          && sha256.equals(file.sha256)
          && Arrays.equals(content, file.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, sha256, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
      return name + " " + sha256 + (content == null ? "" : " (" + content.length + " bytes)");
    }
  }

  /**
   * One script of the run; {@code input} is null without input file. A restart step (no script, no
   * files) restarts the computer; the steps after it run once the computer is back.
   */
  public record Step(
      int index,
      long versionId,
      String name,
      ScriptKind kind,
      File executable,
      File input,
      int timeoutSeconds) {

    /** The name of a restart step. */
    public static final String RESTART = "restart";

    /** A step that restarts the computer. */
    public static Step restart(int index) {
      return new Step(index, 0, RESTART, null, null, null, MAX_TIMEOUT_SECONDS);
    }

    public boolean isRestart() {
      return executable == null;
    }

    public boolean hasInput() {
      return input != null;
    }
  }

  /** The index of the step an event is about; malformed when no run could have it. */
  static int stepIndex(JsonObject json) throws MalformedMessageException {
    return Fields.integer(json, "step", 0, MAX_STEPS - 1);
  }

  @Override
  public CommandType commandType() {
    return CommandType.RUN_SCRIPTS;
  }

  @Override
  public JsonObject toJson() {
    JsonArrayBuilder list = JsonCodec.array();
    for (Step step : steps) {
      if (step.isRestart()) {
        list.add(JsonCodec.object().add("index", step.index()).add("restart", true));
        continue;
      }
      JsonObjectBuilder item =
          JsonCodec.object()
              .add("index", step.index())
              .add("versionId", step.versionId())
              .add("name", step.name())
              .add("kind", step.kind().name())
              .add("timeoutSeconds", step.timeoutSeconds());
      addFile(item, "executable", step.executable());
      if (step.hasInput()) {
        addFile(item, "input", step.input());
      }
      list.add(item);
    }
    return JsonCodec.object()
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
        if (item.getBoolean("restart", false)) {
          steps.add(Step.restart(item.getInt("index")));
          continue;
        }
        int timeout = item.getInt("timeoutSeconds");
        File executable = file(item, "executable");
        File input = item.containsKey("inputName") ? file(item, "input") : null;
        if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
          throw new MalformedMessageException("bad step " + item.getInt("index"));
        }
        steps.add(
            new Step(
                item.getInt("index"),
                item.getJsonNumber("versionId").longValue(),
                item.getString("name"),
                ScriptKind.valueOf(item.getString("kind")),
                executable,
                input,
                timeout));
      }
      return new RunPlan(json.getString("runId"), json.getBoolean("stopOnFailure", false), steps);
    } catch (NullPointerException | ClassCastException | IllegalArgumentException e) {
      throw new MalformedMessageException("run out of shape: " + e, e);
    }
  }

  private static void addFile(JsonObjectBuilder item, String which, File file) {
    item.add(which + "Name", file.name()).add(which + "Sha256", file.sha256());
    if (file.isInline()) {
      item.add(which + "Content", Base64.getEncoder().encodeToString(file.content()));
    }
  }

  /** A file of a step; malformed if its hash is not a SHA-256. */
  private static File file(JsonObject item, String which) throws MalformedMessageException {
    String sha = item.getString(which + "Sha256");
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new MalformedMessageException(
          "bad " + which + " SHA-256 in step " + item.getInt("index"));
    }
    String content = item.getString(which + "Content", null);
    return new File(
        item.getString(which + "Name"),
        sha,
        content == null ? null : Base64.getDecoder().decode(content));
  }
}
