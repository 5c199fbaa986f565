package org.assist.protocol;

import jakarta.json.JsonObject;

/** What the server asks an agent to do, and the record its body is. */
public enum CommandType {
  /** Collect the system information, after the customer's consent. */
  SYSTEM_INFO(SystemInfoRequest::fromJson, true),
  /** Run scripts one after another, after the customer's consent. */
  RUN_SCRIPTS(RunPlan::fromJson, true),
  /** A chat message from the technician to the customer. */
  CHAT(ChatText::fromJson, false),
  /** The technician ended the session: tell the customer and stop. */
  END_SESSION(EndSession::fromJson, false),
  /** The server renewed its keys: trust these from now on. */
  TRUST_UPDATE(TrustUpdate::fromJson, false),
  /** Restart the computer, after the customer's consent; the agent rejoins when it is back. */
  RESTART(RestartRequest::fromJson, true),
  /** Log in as another account of the computer, after the customer's consent. */
  LOG_IN_AS(LogInRequest::fromJson, true),
  /** The credentials for a log-in the customer allowed. */
  CREDENTIALS(LogInCredentials::fromJson, false),
  /** Stop working as the other account: the customer is back. */
  LOG_OFF(LogOff::fromJson, false);

  private final BodyReader<? extends CommandBody> reader;
  private final boolean asksConsent;

  CommandType(BodyReader<? extends CommandBody> reader, boolean asksConsent) {
    this.reader = reader;
    this.asksConsent = asksConsent;
  }

  /** Whether the agent asks the customer (or its consent policy) before carrying it out. */
  public boolean asksConsent() {
    return asksConsent;
  }

  /**
   * Whether its body may carry credentials: such a command travels only in memory (non-persistent,
   * short-lived), never in the broker's journal.
   */
  public boolean carriesSecrets() {
    return this == LOG_IN_AS || this == CREDENTIALS;
  }

  /** Reads a body of this type; malformed when it is out of shape. */
  public CommandBody read(JsonObject json) throws MalformedMessageException {
    return reader.read(json);
  }
}
