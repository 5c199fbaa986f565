package org.assist.application.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assist.application.AuditLog;
import org.assist.application.Caller;
import org.assist.application.InvalidInputException;
import org.assist.application.Roles;
import org.assist.domain.policy.PolicyValue;

/** Administrators read and change the help desk's policies; a change is in force at once. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class PolicyService {
  /**
   * A policy as administrators see it.
   *
   * @param firstValue its value before any administrator's change (environment or default)
   * @param changedBy null while it keeps its first value
   */
  public record PolicyRow(
      Policy policy,
      long value,
      long firstValue,
      long min,
      long max,
      String changedBy,
      Instant changedAt) {}

  @PersistenceContext private EntityManager em;
  @Inject private Policies policies;
  @Inject private Caller caller;
  @Inject private AuditLog audit;
  @Inject private Event<Policies.Changed> changed;

  public List<PolicyRow> list() {
    List<PolicyRow> rows = new ArrayList<>();
    for (Policy policy : Policy.values()) {
      PolicyValue stored = em.find(PolicyValue.class, policy.name());
      rows.add(
          new PolicyRow(
              policy,
              stored == null ? policy.firstValue() : stored.getValue(),
              policy.firstValue(),
              policy.min(),
              policy.max(),
              stored == null ? null : stored.getChangedBy(),
              stored == null ? null : stored.getChangedAt()));
    }
    return rows;
  }

  /** Sets these policies together (those not named keep their values); all or none. */
  public List<PolicyRow> update(Map<Policy, Long> wanted) {
    for (Map.Entry<Policy, Long> entry : wanted.entrySet()) {
      Policy policy = entry.getKey();
      Long value = entry.getValue();
      if (value == null || value < policy.min() || value > policy.max()) {
        throw new InvalidInputException(
            "policy.outOfRange", policy.name(), policy.name(), policy.min(), policy.max());
      }
    }
    long timeout =
        wanted.getOrDefault(
            Policy.SCRIPT_TIMEOUT_SECONDS, policies.value(Policy.SCRIPT_TIMEOUT_SECONDS));
    long longest =
        wanted.getOrDefault(
            Policy.SCRIPT_TIMEOUT_MAX_SECONDS, policies.value(Policy.SCRIPT_TIMEOUT_MAX_SECONDS));
    if (timeout > longest) {
      throw new InvalidInputException(
          "policy.timeoutAboveMax", Policy.SCRIPT_TIMEOUT_SECONDS.name(), timeout, longest);
    }
    boolean any = false;
    for (Map.Entry<Policy, Long> entry : wanted.entrySet()) {
      Policy policy = entry.getKey();
      long before = policies.value(policy);
      if (before == entry.getValue()) {
        continue;
      }
      PolicyValue stored = em.find(PolicyValue.class, policy.name());
      if (stored == null) {
        em.persist(new PolicyValue(policy.name(), entry.getValue(), caller.name()));
      } else {
        stored.set(entry.getValue(), caller.name());
      }
      audit.record("policy.change", policy.name(), before + " → " + entry.getValue());
      any = true;
    }
    if (any) {
      changed.fire(new Policies.Changed());
    }
    return list();
  }
}
