package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * Every script of a run is done, or the run stopped.
 *
 * @param error why the run could not go on (a file not as signed, say), or null
 */
public record RunFinished(boolean completed, String error) implements EventBody {
  @Override
  public EventType eventType() {
    return EventType.RUN_FINISHED;
  }

  @Override
  public JsonObject toJson() {
    var json = JsonCodec.object().add("completed", completed);
    Fields.put(json, "error", error);
    return json.build();
  }

  public static RunFinished fromJson(JsonObject json) throws MalformedMessageException {
    return new RunFinished(
        Fields.flag(json, "completed"), Fields.optionalText(json, "error", StepFinished.MAX_ERROR));
  }
}
