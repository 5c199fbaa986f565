package org.assist.protocol;

import jakarta.json.JsonObject;

/** The answer to a command that needs consent, decided on the customer's computer. */
public record ConsentAnswer(boolean granted, How how) implements EventBody {
  /** How the answer was given; each is named in the session's report. */
  public enum How {
    /** The customer answered this request. */
    CUSTOMER("customer"),
    /** The customer allowed this kind of request for the rest of the session. */
    CUSTOMER_FOR_SESSION("customer-for-session"),
    /** Allowed earlier for the rest of the session. */
    REMEMBERED("remembered"),
    /** The computer's consent policy answered. */
    POLICY("policy"),
    /** Nobody answered in time: no. */
    TIMEOUT("timeout"),
    /** The agent has no way to ask (its input is closed): no. */
    NO_INPUT("no-input"),
    /** Allowed by the customer's consent to log in as another account, until the log-off. */
    LOGGED_IN("logged-in");

    private final String wire;

    How(String wire) {
      this.wire = wire;
    }

    /** The word that travels and is stored. */
    public String wire() {
      return wire;
    }

    static How of(String wire) throws MalformedMessageException {
      for (How how : values()) {
        if (how.wire.equals(wire)) {
          return how;
        }
      }
      throw new MalformedMessageException("unknown consent way");
    }
  }

  @Override
  public EventType eventType() {
    return EventType.CONSENT;
  }

  @Override
  public JsonObject toJson() {
    return JsonCodec.object().add("granted", granted).add("how", how.wire()).build();
  }

  public static ConsentAnswer fromJson(JsonObject json) throws MalformedMessageException {
    return new ConsentAnswer(Fields.flag(json, "granted"), How.of(Fields.text(json, "how", 64)));
  }
}
