package org.assist.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.Notification;
import javax.management.NotificationListener;
import org.assist.application.agent.Presence;
import org.assist.infrastructure.OrderedLanes;

/**
 * Presence from what the broker already knows: a consumer created on an agent's command queue means
 * the agent is connected, its last consumer closed (or its connection's time to live ran out) means
 * it is gone. No heartbeat is written anywhere for this.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class BrokerPresenceListener implements NotificationListener {
  private static final Logger LOG = Logger.getLogger(BrokerPresenceListener.class.getName());
  private static final Pattern AGENT_QUEUE =
      Pattern.compile("_AMQ_RoutingName=jms\\.queue\\.assist\\.agent\\.([0-9a-f]{24})\\b");
  private static final Pattern CONSUMERS = Pattern.compile("_AMQ_ConsumerCount=(\\d+)");

  /** Agents whose comings and goings are handled at once. */
  private static final int PRESENCE_LANES = 8;

  @Inject private BrokerAdmin broker;
  @Inject private Presence presence;
  @PersistenceContext private EntityManager em;
  @Resource private ManagedExecutorService executor;

  /** An agent's arrivals and departures are handled in the order the broker told them. */
  private OrderedLanes lanes;

  @PostConstruct
  void start() {
    lanes = new OrderedLanes(executor, PRESENCE_LANES);
    int slots = broker.limitAgentQueueBuffers();
    LOG.info(
        () ->
            slots > 0
                ? "Agents' command queues reserve " + slots + " message slots each"
                : "Agents' command queues keep the broker's default size: it could not be set");
    broker.listen(this);
    // agents that reconnected while Assist was deploying: ask the broker directly
    List<String> agents =
        em.createQuery(
                "select s.agent.id from SupportSession s where s.state = org.assist.domain.session.SessionState.CONNECTED",
                String.class)
            .getResultList();
    for (String agentId : agents) {
      if (broker.consumersOf(agentId) > 0) {
        presence.connected(agentId, true);
      }
    }
  }

  @PreDestroy
  void stop() {
    broker.stopListening(this);
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    String type = notification.getType();
    if (!"CONSUMER_CREATED".equals(type) && !"CONSUMER_CLOSED".equals(type)) {
      return;
    }
    String text = notification.getMessage();
    Matcher queue = AGENT_QUEUE.matcher(text == null ? "" : text);
    if (!queue.find()) {
      return;
    }
    String agentId = queue.group(1);
    Matcher consumers = CONSUMERS.matcher(text);
    boolean connected =
        "CONSUMER_CREATED".equals(type)
            || (consumers.find() && Integer.parseInt(consumers.group(1)) > 0);
    // off the broker's thread (presence writes to the report), in the broker's order for the agent
    lanes.execute(
        agentId,
        () -> {
          try {
            presence.connected(agentId, connected);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot record presence of agent " + agentId, e);
          }
        });
  }
}
