package org.assist.application.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assist.domain.policy.PolicyValue;

/**
 * The policies in force, read once and again after each change (not per use): the database's values
 * over the first-start ones.
 */
@ApplicationScoped
public class Policies {
  /** Said once an administrator's change is committed. */
  public record Changed() {}

  @PersistenceContext private EntityManager em;
  private volatile Map<Policy, Long> values;
  private final AtomicLong generation = new AtomicLong();

  public long value(Policy policy) {
    Map<Policy, Long> known = values;
    if (known == null) {
      long loading = generation.get();
      known = load();
      // a change committed meanwhile makes this load stale: the next use loads again
      if (generation.get() == loading) {
        values = known;
      }
    }
    return known.get(policy);
  }

  /** A policy counted in seconds or minutes, as a duration. */
  public Duration duration(Policy policy) {
    return switch (policy.unit()) {
      case SECONDS -> Duration.ofSeconds(value(policy));
      case MINUTES -> Duration.ofMinutes(value(policy));
      case BYTES, AGENTS -> throw new IllegalArgumentException(policy + " is no duration");
    };
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
    generation.incrementAndGet();
    values = null;
  }

  private Map<Policy, Long> load() {
    Map<Policy, Long> loaded = new EnumMap<>(Policy.class);
    for (Policy policy : Policy.values()) {
      loaded.put(policy, policy.firstValue());
    }
    for (PolicyValue stored :
        em.createQuery("select p from PolicyValue p", PolicyValue.class).getResultList()) {
      try {
        loaded.put(Policy.valueOf(stored.getName()), stored.getValue());
      } catch (IllegalArgumentException e) {
        // a policy this version no longer has
      }
    }
    return loaded;
  }
}
