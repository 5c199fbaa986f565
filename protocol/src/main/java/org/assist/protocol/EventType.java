package org.assist.protocol;

import jakarta.json.JsonObject;

/** What an agent reports to the server, and the record its body is. */
public enum EventType {
  /** The agent is up and connected: computer name, OS, user. */
  HELLO(Hello::fromJson),
  /** Still here; sent every 30 seconds, never stored one by one. */
  HEARTBEAT(Heartbeat::fromJson),
  /** The customer's answer to a command that needs consent. */
  CONSENT(ConsentAnswer::fromJson),
  /** The collected system information. */
  SYSTEM_INFO(SystemInfoDocument::fromJson),
  /** A script of a run started. */
  STEP_STARTED(StepStarted::fromJson),
  /** A chunk of the running script's output. */
  OUTPUT(OutputChunk::fromJson),
  /** A script of a run ended. */
  STEP_FINISHED(StepFinished::fromJson),
  /** Every script of a run is done (or the run stopped). */
  RUN_FINISHED(RunFinished::fromJson),
  /** A chat message from the customer. */
  CHAT(ChatText::fromJson),
  /** A command the agent refused (bad signature, unknown type...), with the reason. */
  REFUSED(Refusal::fromJson),
  /** The agent is stopping. */
  BYE(Bye::fromJson),
  /** The agent took the server's renewed keys. */
  TRUSTED(Trusted::fromJson),
  /** Logged in as another account, refused, or logged off. */
  LOG_IN(LogInOutcome::fromJson);

  private final BodyReader<? extends EventBody> reader;

  EventType(BodyReader<? extends EventBody> reader) {
    this.reader = reader;
  }

  /** Reads a body of this type; malformed when it is out of shape. */
  public EventBody read(JsonObject json) throws MalformedMessageException {
    return reader.read(json);
  }
}
