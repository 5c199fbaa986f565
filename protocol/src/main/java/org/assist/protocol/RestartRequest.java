package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * The technician asks to restart the computer. After the customer's consent (its {@link
 * ConsentAnswer}) the agent restarts it; when the computer is back the agent rejoins the session by
 * itself, and its {@link Hello} says so.
 */
public record RestartRequest() implements CommandBody {
  @Override
  public CommandType commandType() {
    return CommandType.RESTART;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().build();
  }

  public static RestartRequest fromJson(JsonObject json) {
    return new RestartRequest();
  }
}
