package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * What came of logging in as another account, or of logging off: the agent says it after a {@link
 * LogInRequest}, {@link LogInCredentials} or {@link LogOff}, and when it logs off by itself (the
 * server out of reach too long, the session ending).
 *
 * @param account the account worked as (or tried); null when unknown
 * @param reason why it failed or ended, for the technician; null when there is nothing to say
 */
public record LogInOutcome(Outcome outcome, String account, String reason) implements EventBody {
  /** One outcome; each is named in the session's report. */
  public enum Outcome {
    /** The technician works as {@code account} now. */
    LOGGED_IN,
    /** The operating system refused the user name or password. */
    WRONG_CREDENTIALS,
    /** This agent cannot work as another account here; {@code reason} says why. */
    CANNOT_SWITCH,
    /** The agent works as its own account again; the customer is back. */
    LOGGED_OFF
  }

  @Override
  public EventType eventType() {
    return EventType.LOG_IN;
  }

  @Override
  public JsonObject toJson() {
    var json = JsonCodec.object().add("outcome", outcome.name());
    Fields.put(json, "account", account);
    Fields.put(json, "reason", reason);
    return json.build();
  }

  public static LogInOutcome fromJson(JsonObject json) throws MalformedMessageException {
    String outcome = Fields.text(json, "outcome", 32);
    Outcome parsed;
    try {
      parsed = Outcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("unknown outcome");
    }
    return new LogInOutcome(
        parsed,
        Fields.optionalText(json, "account", Credentials.MAX_NAME * 2 + 1),
        Fields.optionalText(json, "reason", StepFinished.MAX_ERROR));
  }
}
