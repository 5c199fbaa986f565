package org.assist.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.assist.domain.audit.AuditEntry;

/** Writes the administrators' audit log. */
@Stateless
@PermitAll
public class AuditLog {
  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;

  /** Records an action in the caller's transaction: it is kept only if the action is. */
  public void record(String action, String target, String detail) {
    em.persist(new AuditEntry(caller.name(), action, target, detail));
  }

  /**
   * Records a refused attempt in its own transaction, since the refusal rolls the caller's back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordRefusal(String action, String target, String detail) {
    em.persist(new AuditEntry(caller.name(), "refused:" + action, target, detail));
  }
}
