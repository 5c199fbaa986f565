package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * A script of a run ended.
 *
 * @param exitCode null when it did not exit by itself (timed out, could not start)
 * @param millis the script's own run time, from its start to its end
 * @param truncated its output went past {@link RunPlan#MAX_OUTPUT_BYTES} and was cut
 * @param error why it could not run, or null
 * @param outputParts how many numbered parts of output the agent sent (the server counts what
 *     arrived: a part missing is a gap), or null when not known
 */
public record StepFinished(
    int step,
    Integer exitCode,
    long millis,
    boolean timedOut,
    boolean truncated,
    String error,
    Integer outputParts)
    implements EventBody {
  public static final int MAX_ERROR = 2000;

  @Override
  public EventType eventType() {
    return EventType.STEP_FINISHED;
  }

  @Override
  public JsonObject toJson() {
    var json =
        JsonCodec.object()
            .add("step", step)
            .add("millis", millis)
            .add("timedOut", timedOut)
            .add("truncated", truncated);
    if (exitCode != null) {
      json.add("exitCode", exitCode);
    }
    Fields.put(json, "error", error);
    if (outputParts != null) {
      json.add("outputParts", outputParts);
    }
    return json.build();
  }

  public static StepFinished fromJson(JsonObject json) throws MalformedMessageException {
    return new StepFinished(
        RunPlan.stepIndex(json),
        Fields.optionalInteger(json, "exitCode", Integer.MIN_VALUE, Integer.MAX_VALUE),
        Fields.number(json, "millis", 0, Long.MAX_VALUE),
        Fields.flag(json, "timedOut"),
        Fields.flag(json, "truncated"),
        Fields.optionalText(json, "error", MAX_ERROR),
        Fields.optionalInteger(json, "outputParts", 0, Integer.MAX_VALUE));
  }
}
