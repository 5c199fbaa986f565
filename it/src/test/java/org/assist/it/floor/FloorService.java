package org.assist.it.floor;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The transactional half of {@link FloorApi}'s calls. */
@Stateless
public class FloorService {
  @PersistenceContext(unitName = "floor")
  private EntityManager em;

  @Inject private JMSContext context;

  @Resource(lookup = FloorListener.QUEUE)
  private Queue queue;

  public void insert(String id) {
    em.persist(new FloorRow(id));
  }

  public void send(String id) {
    em.persist(new FloorRow(id));
    context.createProducer().send(queue, id);
  }
}
