package org.assist.application.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.assist.application.Roles;
import org.assist.application.Searches;
import org.assist.domain.audit.AuditEntry;

/** Administrators read the audit log, newest first, searched and paged. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AuditService {
  /** At most this many entries in one page (and in one CSV export). */
  public static final int MAX_PAGE = 50_000;

  /** An entry of the audit log as pages and the API show it (actor, target, detail: as typed). */
  public record AuditRow(
      long id,
      Instant at,
      String actor,
      String address,
      String action,
      String target,
      String detail) {
    static AuditRow of(AuditEntry entry) {
      return new AuditRow(
          entry.getId(),
          entry.getAt(),
          entry.getActor(),
          entry.getAddress(),
          entry.getAction(),
          entry.getTarget(),
          entry.getDetail());
    }
  }

  @PersistenceContext private EntityManager em;

  public List<AuditRow> list(AuditFilter filter, int first, int max) {
    Searches search = filter.conditions();
    return search
        .bind(
            em.createQuery(
                "select e from AuditEntry e where 1 = 1"
                    + search.jpql()
                    + " order by e.at desc, e.id desc",
                AuditEntry.class))
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, max), MAX_PAGE))
        .getResultStream()
        .map(AuditRow::of)
        .toList();
  }

  public long count(AuditFilter filter) {
    Searches search = filter.conditions();
    return search
        .bind(
            em.createQuery(
                "select count(e) from AuditEntry e where 1 = 1" + search.jpql(), Long.class))
        .getSingleResult();
  }
}
