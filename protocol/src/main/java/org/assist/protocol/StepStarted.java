package org.assist.protocol;

import jakarta.json.JsonObject;

/** A script of a run started ({@code step}: its index in the run). */
public record StepStarted(int step) implements EventBody {
  @Override
  public EventType eventType() {
    return EventType.STEP_STARTED;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().add("step", step).build();
  }

  public static StepStarted fromJson(JsonObject json) throws MalformedMessageException {
    return new StepStarted(RunPlan.stepIndex(json));
  }
}
