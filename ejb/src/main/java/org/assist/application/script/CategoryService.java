package org.assist.application.script;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.assist.application.AuditLog;
import org.assist.application.ConflictException;
import org.assist.application.InvalidInputException;
import org.assist.application.Roles;
import org.assist.domain.script.ScriptCategory;

/** The script library's categories: everyone picks from them, administrators manage them. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class CategoryService {
  static final int MAX_NAME = 64;

  @PersistenceContext private EntityManager em;
  @Inject private AuditLog audit;

  @RolesAllowed(Roles.TECHNICIAN)
  public List<CategoryRow> list() {
    return em.createQuery(
            "select c from ScriptCategory c order by lower(c.name)", ScriptCategory.class)
        .getResultStream()
        .map(CategoryRow::of)
        .toList();
  }

  @RolesAllowed(Roles.TECHNICIAN)
  public ScriptCategory find(long id) {
    ScriptCategory category = em.find(ScriptCategory.class, id);
    if (category == null) {
      throw new InvalidInputException("category.unknown", "category");
    }
    return category;
  }

  /** The category with this name, whatever its case. */
  @RolesAllowed(Roles.TECHNICIAN)
  public CategoryRow byName(String name) {
    return em.createQuery(
            "select c from ScriptCategory c where c.nameKey = :key", ScriptCategory.class)
        .setParameter("key", name == null ? "" : ScriptCategory.keyOf(name))
        .getResultStream()
        .findFirst()
        .map(CategoryRow::of)
        .orElseThrow(() -> new InvalidInputException("category.unknown", "category"));
  }

  public CategoryRow create(String name) {
    String clean = checkName(name, null);
    ScriptCategory category = new ScriptCategory(clean);
    em.persist(category);
    em.flush();
    audit.record("category.create", clean, null);
    return CategoryRow.of(category);
  }

  public CategoryRow rename(long id, String name) {
    ScriptCategory category = find(id);
    String before = category.getName();
    category.rename(checkName(name, category.getId()));
    audit.record("category.rename", before, "now " + category.getName());
    return CategoryRow.of(category);
  }

  /** Deletes an unused category; the refusal says which scripts still use it. */
  public void delete(long id) {
    ScriptCategory category = find(id);
    List<String> users =
        em.createQuery(
                "select v.name from Script s join s.current v where s.deleted = false and v.category = :category"
                    + " order by lower(v.name)",
                String.class)
            .setParameter("category", category)
            .setMaxResults(20)
            .getResultList();
    if (!users.isEmpty()) {
      throw new ConflictException(
          "category.inUse", null, category.getName(), String.join(", ", users));
    }
    em.remove(category);
    audit.record("category.delete", category.getName(), null);
  }

  private String checkName(String name, Long self) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()
        || clean.length() > MAX_NAME
        || clean.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("category.name.invalid", "name", MAX_NAME);
    }
    List<Long> same =
        em.createQuery("select c.id from ScriptCategory c where c.nameKey = :key", Long.class)
            .setParameter("key", ScriptCategory.keyOf(clean))
            .getResultList();
    if (!same.isEmpty() && !same.get(0).equals(self)) {
      throw new ConflictException("category.name.taken", "name", clean);
    }
    return clean;
  }
}
