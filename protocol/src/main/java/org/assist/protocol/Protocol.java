package org.assist.protocol;

import java.util.regex.Pattern;

/**
 * Names and limits both sides agree on. Destinations are Jakarta Messaging names as seen by a
 * client with Artemis 1.x prefixes enabled (WildFly's default), so {@code assist.agent.X} is the
 * broker address {@code jms.queue.assist.agent.X}.
 */
public final class Protocol {
  /** Version of the message format; a message of another version is refused. */
  public static final int VERSION = 1;

  /** What the broker puts before a queue's and a topic's name to make its address. */
  public static final String QUEUE_ADDRESS_PREFIX = "jms.queue.";

  public static final String TOPIC_ADDRESS_PREFIX = "jms.topic.";

  /** Message property: the command or event type. */
  public static final String TYPE = "assistType";

  /** Message property: the protocol version. */
  public static final String PROTOCOL_VERSION = "assistVersion";

  /** Message property: the command id, on commands and on the events that answer one. */
  public static final String COMMAND_ID = "assistCommandId";

  /** Message property: the event's own id (duplicates are dropped by it). */
  public static final String EVENT_ID = "assistEventId";

  /** Message property: the agent a command is for. */
  public static final String AGENT_ID = "assistAgentId";

  /** Message property: when the server issued a command, epoch milliseconds. */
  public static final String ISSUED_AT = "assistIssuedAt";

  /** Message property: the server's Ed25519 signature of a command, base64. */
  public static final String SIGNATURE = "assistSignature";

  /** Largest event body the server accepts; bigger ones are malformed. */
  public static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;

  /** The {@link #TYPE} of a message carrying several events of one agent, in order. */
  public static final String EVENTS = "EVENTS";

  /** Most events in one message. */
  public static final int MAX_EVENTS_IN_MESSAGE = 100;

  /** Largest command body an agent accepts. */
  public static final int MAX_COMMAND_BYTES = 1024 * 1024;

  /**
   * In the body of a command that asks the customer: how many seconds they have to answer (the help
   * desk's policy); signed with the rest of the body.
   */
  public static final String CONSENT_SECONDS = "consentSeconds";

  public static final int MIN_CONSENT_SECONDS = 5;
  public static final int MAX_CONSENT_SECONDS = 3600;

  private static final Pattern AGENT_ID_PATTERN = Pattern.compile("[0-9a-f]{24}");
  private static final String COMMAND_QUEUE_PREFIX = "assist.agent.";
  private static final String EVENT_TOPIC_PREFIX = "assist.events.";

  private Protocol() {}

  /** Agent ids are 24 lower-case hex digits; they are also the agent's broker user and role. */
  public static boolean isAgentId(String id) {
    return id != null && AGENT_ID_PATTERN.matcher(id).matches();
  }

  /** The agent's own durable command queue; only that agent may consume from it. */
  public static String commandQueue(String agentId) {
    return COMMAND_QUEUE_PREFIX + requireAgentId(agentId);
  }

  /**
   * The topic an agent sends its events to; only that agent may send there. The server's one events
   * queue subscribes to all of them, so the address a message arrives on says, as the broker
   * enforced it, which agent sent it.
   */
  public static String eventTopic(String agentId) {
    return EVENT_TOPIC_PREFIX + requireAgentId(agentId);
  }

  /** The broker address of the agent's command queue (its name with the 1.x queue prefix). */
  public static String commandAddress(String agentId) {
    return QUEUE_ADDRESS_PREFIX + commandQueue(agentId);
  }

  /** The broker address of the agent's event topic (its name with the 1.x topic prefix). */
  public static String eventAddress(String agentId) {
    return TOPIC_ADDRESS_PREFIX + eventTopic(agentId);
  }

  /** The agent whose event topic this is, or null if it is not one. */
  public static String agentOfEventTopic(String topic) {
    if (topic == null || !topic.startsWith(EVENT_TOPIC_PREFIX)) {
      return null;
    }
    String id = topic.substring(EVENT_TOPIC_PREFIX.length());
    return isAgentId(id) ? id : null;
  }

  private static String requireAgentId(String agentId) {
    if (!isAgentId(agentId)) {
      throw new IllegalArgumentException("not an agent id: " + agentId);
    }
    return agentId;
  }
}
