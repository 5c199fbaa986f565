package org.assist.protocol;

import jakarta.json.JsonObject;

/** Stop working as the other account and give the computer back to its customer. */
public record LogOff(String reason) implements CommandBody {
  @Override
  public CommandType commandType() {
    return CommandType.LOG_OFF;
  }

  @Override
  public JsonObject toJson() {
    var json = JsonCodec.object();
    Fields.put(json, "reason", reason);
    return json.build();
  }

  public static LogOff fromJson(JsonObject json) throws MalformedMessageException {
    return new LogOff(Fields.optionalText(json, "reason", 256));
  }
}
