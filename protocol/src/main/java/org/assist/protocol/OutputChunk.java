package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * A chunk of a running script's output, numbered ({@code seq}) across both of its streams in the
 * order the agent read them.
 */
public record OutputChunk(int step, int seq, boolean stderr, String text) implements EventBody {
  /** Longest chunk: the agent reads at most 32 KiB at a time. */
  public static final int MAX_TEXT = 64 * 1024;

  @Override
  public EventType eventType() {
    return EventType.OUTPUT;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object()
        .add("step", step)
        .add("seq", seq)
        .add("stream", stderr ? "stderr" : "stdout")
        .add("text", text)
        .build();
  }

  public static OutputChunk fromJson(JsonObject json) throws MalformedMessageException {
    String stream = Fields.text(json, "stream", 6);
    if (!stream.equals("stdout") && !stream.equals("stderr")) {
      throw new MalformedMessageException("stream is stdout or stderr");
    }
    return new OutputChunk(
        RunPlan.stepIndex(json),
        Fields.integer(json, "seq", 0, Integer.MAX_VALUE),
        stream.equals("stderr"),
        Fields.text(json, "text", MAX_TEXT));
  }
}
