package org.assist.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import org.assist.application.Settings;
import org.assist.protocol.Protocol;

/**
 * Gives each agent its own broker destinations and permissions at runtime, through the embedded
 * Artemis broker's management beans (enabled by wildfly-config/configure-30-messaging.cli). Queues,
 * addresses and security settings made this way are kept in the broker's journal.
 */
@ApplicationScoped
public class BrokerAdmin {
  private static final String BROKER = "org.apache.activemq.artemis:broker=\"default\"";

  /**
   * Room an agent's command queue reserves for waiting messages; it grows when more wait. An
   * agent's queue holds a command or two: the broker's own 8,192 slots cost 32 KB of heap for each
   * connected agent (the largest part of what an agent cost before).
   */
  static final int AGENT_QUEUE_BUFFER = 16;

  /** WildFly's socket binding of the broker's port for agents (configure-45-tls.cli). */
  private static final String AGENT_PORT_BINDING =
      "jboss.as:socket-binding-group=standard-sockets,socket-binding=assist-broker";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  /** The broker's port for agents as the server bound it, once asked (0: not yet). */
  private volatile int boundPort;

  /**
   * The port where agents reach the broker, told to each agent when it joins: the one the
   * administrator names where a firewall forwards another number ({@link
   * Settings#brokerPublicPort()}, read at each join), else the one the server bound (port offset
   * included).
   */
  public int agentPort() {
    int published = Settings.brokerPublicPort();
    if (published > 0) {
      return published;
    }
    if (boundPort == 0) {
      try {
        Object bound = server.getAttribute(new ObjectName(AGENT_PORT_BINDING), "boundPort");
        if (!(bound instanceof Integer port) || port <= 0) {
          throw new IllegalStateException("the broker's port for agents is not bound: " + bound);
        }
        boundPort = port;
      } catch (JMException e) {
        throw new IllegalStateException(
            "no socket binding assist-broker for the agents' broker", e);
      }
    }
    return boundPort;
  }

  /**
   * Makes agents' command queues, from the next one made (or loaded at the broker's start), reserve
   * {@link #AGENT_QUEUE_BUFFER} slots; the other settings of those queues (dead letters, expiry)
   * still come from wildfly-config, merged with this more specific match. Returns how many slots
   * such a queue now reserves, as the broker says (-1 when it cannot say; the broker's default then
   * stays, which costs memory, not correctness).
   */
  public int limitAgentQueueBuffers() {
    try {
      invoke(
          "addAddressSettings",
          new Object[] {
            Protocol.QUEUE_ADDRESS_PREFIX + "assist.agent.*",
            "{\"initialQueueBufferSize\":" + AGENT_QUEUE_BUFFER + "}"
          },
          strings(2));
      String merged =
          (String)
              server.invoke(
                  broker(),
                  "getAddressSettingsAsJSON",
                  new Object[] {Protocol.commandAddress("0".repeat(24))},
                  strings(1));
      java.util.regex.Matcher size =
          java.util.regex.Pattern.compile("\"initialQueueBufferSize\"\\s*:\\s*(\\d+)")
              .matcher(merged == null ? "" : merged);
      return size.find() ? Integer.parseInt(size.group(1)) : -1;
    } catch (JMException e) {
      return -1;
    }
  }

  /**
   * Creates (or keeps) the agent's command queue, which only it may consume, and its event address,
   * where only it may send. Safe to call again.
   */
  public void prepareAgent(String agentId) {
    String queue = Protocol.commandAddress(agentId);
    String events = Protocol.eventAddress(agentId);
    try {
      invoke(
          "createQueue",
          new Object[] {
            "{\"name\":\""
                + queue
                + "\",\"address\":\""
                + queue
                + "\",\"routing-type\":\"ANYCAST\","
                + "\"durable\":true,\"auto-create-address\":true}",
            true
          },
          new String[] {String.class.getName(), boolean.class.getName()});
      if (!addressExists(events)) {
        invoke(
            "createAddress",
            new Object[] {events, "MULTICAST"},
            new String[] {String.class.getName(), String.class.getName()});
      }
      // role = agent id: the broker's jdbc-realm gives each agent exactly that role
      securitySetting(queue, "", agentId);
      securitySetting(events, agentId, "");
    } catch (JMException e) {
      throw new IllegalStateException("cannot prepare broker destinations for agent " + agentId, e);
    }
  }

  /**
   * Removes what {@link #prepareAgent} made, once the agent's session ended: its command queue
   * (with whatever was still waiting in it), its event address and both permissions. An agent still
   * connected is cut off. Safe to call again.
   */
  public void releaseAgent(String agentId) {
    String queue = Protocol.commandAddress(agentId);
    String events = Protocol.eventAddress(agentId);
    try {
      if (queueExists(queue)) {
        invoke(
            "destroyQueue",
            new Object[] {queue, true, true},
            new String[] {
              String.class.getName(), boolean.class.getName(), boolean.class.getName()
            });
      }
      if (addressExists(events)) {
        invoke(
            "deleteAddress",
            new Object[] {events, true},
            new String[] {String.class.getName(), boolean.class.getName()});
      }
      invoke("removeSecuritySettings", new Object[] {queue}, strings(1));
      invoke("removeSecuritySettings", new Object[] {events}, strings(1));
    } catch (JMException e) {
      throw new IllegalStateException("cannot release the broker destinations of " + agentId, e);
    }
  }

  /**
   * What the broker still holds for the agent: its command queue, its addresses, the permissions
   * that name it.
   */
  public List<String> holdings(String agentId) {
    String queue = Protocol.commandAddress(agentId);
    String events = Protocol.eventAddress(agentId);
    List<String> held = new ArrayList<>();
    try {
      if (queueExists(queue)) {
        held.add("queue " + queue);
      }
      for (String address : List.of(queue, events)) {
        if (addressExists(address)) {
          held.add("address " + address);
        }
        if (grants(address, agentId)) {
          held.add("permission on " + address);
        }
      }
    } catch (JMException e) {
      throw new IllegalStateException("cannot read the broker destinations of " + agentId, e);
    }
    return held;
  }

  /** How many consumers the agent's command queue has: more than none means it is connected. */
  public int consumersOf(String agentId) {
    String queue = Protocol.commandAddress(agentId);
    try {
      ObjectName name = queueName(queue);
      if (!server.isRegistered(name)) {
        return 0;
      }
      return ((Number) server.getAttribute(name, "ConsumerCount")).intValue();
    } catch (JMException e) {
      throw new IllegalStateException("cannot read the consumers of " + queue, e);
    }
  }

  /** Receives the broker's management notifications (consumers created and closed, ...). */
  public void listen(NotificationListener listener) {
    try {
      server.addNotificationListener(broker(), listener, null, null);
    } catch (JMException e) {
      throw new IllegalStateException("cannot listen to the broker's notifications", e);
    }
  }

  public void stopListening(NotificationListener listener) {
    try {
      server.removeNotificationListener(broker(), listener);
    } catch (JMException e) {
      // the broker is already gone
    }
  }

  /** A destination name as clients use it, whether or not the broker's prefix is on it. */
  static String withoutPrefix(String name) {
    if (name == null) {
      return null;
    }
    if (name.startsWith(Protocol.TOPIC_ADDRESS_PREFIX)) {
      return name.substring(Protocol.TOPIC_ADDRESS_PREFIX.length());
    }
    return name.startsWith(Protocol.QUEUE_ADDRESS_PREFIX)
        ? name.substring(Protocol.QUEUE_ADDRESS_PREFIX.length())
        : name;
  }

  private boolean queueExists(String queue) throws JMException {
    return server.isRegistered(queueName(queue));
  }

  /** Whether the permissions in force on the address name the agent's role (its id). */
  private boolean grants(String address, String agentId) throws JMException {
    Object roles = server.invoke(broker(), "getRolesAsJSON", new Object[] {address}, strings(1));
    return roles != null && roles.toString().contains("\"" + agentId + "\"");
  }

  private static ObjectName queueName(String queue) throws MalformedObjectNameException {
    return new ObjectName(
        "org.apache.activemq.artemis:broker=\"default\",component=addresses,address=\""
            + queue
            + "\",subcomponent=queues,routing-type=\"anycast\",queue=\""
            + queue
            + "\"");
  }

  private boolean addressExists(String address) throws JMException {
    return server.isRegistered(
        new ObjectName(
            "org.apache.activemq.artemis:broker=\"default\",component=addresses,address=\""
                + address
                + "\""));
  }

  private void securitySetting(String match, String sendRoles, String consumeRoles)
      throws JMException {
    invoke(
        "addSecuritySettings",
        new Object[] {match, sendRoles, consumeRoles, "", "", "", "", "", "", "", ""},
        strings(11));
  }

  private void invoke(String operation, Object[] arguments, String[] signature) throws JMException {
    server.invoke(broker(), operation, arguments, signature);
  }

  private static ObjectName broker() {
    try {
      return new ObjectName(BROKER);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String[] strings(int count) {
    String[] types = new String[count];
    java.util.Arrays.fill(types, String.class.getName());
    return types;
  }
}
