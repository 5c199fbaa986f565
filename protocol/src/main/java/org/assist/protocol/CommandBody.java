package org.assist.protocol;

import jakarta.json.JsonObject;

/** What a command asks of an agent: one record per {@link CommandType}. */
public sealed interface CommandBody
    permits SystemInfoRequest,
        RunPlan,
        ChatText,
        EndSession,
        TrustUpdate,
        RestartRequest,
        LogInRequest,
        LogInCredentials,
        LogOff {
  CommandType commandType();

  JsonObject toJson();
}
