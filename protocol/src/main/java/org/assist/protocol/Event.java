package org.assist.protocol;

import java.util.UUID;

/**
 * An event from an agent. Which agent sent it is not in the event: the server reads it from the
 * topic the broker let that agent send to.
 *
 * @param id unique id; the server drops an event whose id it has already handled
 * @param commandId the command this answers, or null
 */
public record Event(String id, String commandId, EventBody body) {
  /** A new event with a fresh id. */
  public static Event of(String commandId, EventBody body) {
    return new Event(UUID.randomUUID().toString(), commandId, body);
  }

  public EventType type() {
    return body.eventType();
  }
}
