package org.assist.protocol;

import jakarta.json.JsonObject;

/** The technician ended the session: the agent tells the customer, forgets it and stops. */
public record EndSession() implements CommandBody {
  @Override
  public CommandType commandType() {
    return CommandType.END_SESSION;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().build();
  }

  public static EndSession fromJson(JsonObject json) {
    return new EndSession();
  }
}
