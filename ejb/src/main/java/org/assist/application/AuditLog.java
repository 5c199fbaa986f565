package org.assist.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.assist.domain.audit.AuditEntry;

/**
 * Writes the administrators' audit log: who did what, when, from which address. It only ever adds
 * entries: nothing in Assist changes or removes one (and on PostgreSQL the database refuses to).
 */
@Stateless
@PermitAll
public class AuditLog {
  /** The actor of what Assist does by itself (an idle session ended). */
  public static final String SYSTEM = "system";

  /** What a refused attempt's action starts with. */
  public static final String REFUSED = "refused:";

  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private RequestOrigin origin;

  /** Records an action in the caller's transaction: it is kept only if the action is. */
  public void record(String action, String target, String detail) {
    em.persist(new AuditEntry(actor(), origin.address(), action, target, detail));
  }

  /**
   * Records a refused attempt in its own transaction, since the refusal rolls the caller's back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordRefusal(String action, String target, String detail) {
    em.persist(new AuditEntry(actor(), origin.address(), REFUSED + action, target, detail));
  }

  /**
   * A sign-in, before anyone is signed in: who tried, from where, how it went.
   *
   * @param outcome {@code sign-in}, {@code sign-in.failed} (a wrong password or a disabled account)
   *     or {@code sign-in.refused} (too many failures: not even checked)
   * @param through {@code console} or {@code api}
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordSignIn(String username, String address, String outcome, String through) {
    em.persist(new AuditEntry(username, address, outcome, null, through));
  }

  private String actor() {
    String name = caller.name();
    return "anonymous".equals(name) ? SYSTEM : name;
  }
}
