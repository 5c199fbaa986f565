package org.assist.it.floor;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives {@link FloorService#send}'s messages, updates their row in its own transaction and, once
 * that has committed, answers the {@code echo} call waiting for it.
 */
@JMSDestinationDefinition(
    name = FloorListener.QUEUE,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "assist.floor")
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = FloorListener.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class FloorListener implements MessageListener {
  static final String QUEUE = "java:global/jms/assist.floor";

  /** The echo calls waiting, by their row's id. */
  static final Map<String, AsyncResponse> WAITING = new ConcurrentHashMap<>();

  @PersistenceContext(unitName = "floor")
  private EntityManager em;

  @Resource private TransactionSynchronizationRegistry transaction;

  @Override
  public void onMessage(Message message) {
    String id;
    try {
      id = message.getBody(String.class);
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
    em.find(FloorRow.class, id).answer();
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            AsyncResponse waiting = WAITING.remove(id);
            if (waiting != null) {
              waiting.resume(
                  status == Status.STATUS_COMMITTED
                      ? Response.noContent().build()
                      : Response.serverError().build());
            }
          }
        });
  }
}
