package org.assist.protocol;

import jakarta.json.JsonObject;

/** The technician asks for the computer's system information (answered by a document). */
public record SystemInfoRequest() implements CommandBody {
  @Override
  public CommandType commandType() {
    return CommandType.SYSTEM_INFO;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().build();
  }

  public static SystemInfoRequest fromJson(JsonObject json) {
    return new SystemInfoRequest();
  }
}
