package org.assist.protocol;

import jakarta.json.JsonObject;

/** What a command asks of an agent: one record per {@link CommandType}. */
public sealed interface CommandBody
    permits SystemInfoRequest, RunPlan, ChatText, EndSession, TrustUpdate, RestartRequest {
  CommandType commandType();

  JsonObject toJson();
}
