package org.assist.protocol;

import jakarta.json.JsonObject;

/** What an agent reports: one record per {@link EventType}. */
public sealed interface EventBody
    permits Hello,
        Heartbeat,
        ConsentAnswer,
        SystemInfoDocument,
        StepStarted,
        OutputChunk,
        StepFinished,
        RunFinished,
        ChatText,
        Refusal,
        Bye,
        Trusted,
        LogInOutcome {
  EventType eventType();

  JsonObject toJson();
}
