package org.assist.application.script;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.assist.application.AuditLog;
import org.assist.application.Caller;
import org.assist.application.ConflictException;
import org.assist.application.ForbiddenException;
import org.assist.application.NotFoundException;
import org.assist.application.Roles;
import org.assist.application.technician.TechnicianService;
import org.assist.domain.script.Script;
import org.assist.domain.script.ScriptCategory;
import org.assist.domain.script.ScriptVersion;
import org.assist.domain.script.StoredFile;
import org.assist.domain.technician.Technician;
import org.assist.infrastructure.persistence.IdsCondition;
import org.assist.protocol.ScriptKind;

/**
 * The script library. Technicians see published scripts and their own; administrators see all.
 * Every save is a new immutable version; only the author (or an administrator) edits or deletes a
 * script, and a refused attempt is written to the audit log.
 */
@Stateless
@RolesAllowed(Roles.TECHNICIAN)
public class ScriptService {
  private static final String ROW =
      "select new org.assist.application.script.ScriptRow(s.id, v.id, v.number, v.name, c.name, v.description,"
          + " a.username, a.displayName, v.published, v.createdAt, e.size + coalesce(i.size, 0), v.kind)"
          + " from Script s join s.current v join v.category c join s.author a join v.executable e"
          + " left join v.input i";
  private static final String COUNT = "select count(s) from Script s join s.current v";
  private static final String VERSION_ROW =
      "select new org.assist.application.script.VersionRow(v.id, s.id, v.number, a.displayName, v.createdAt,"
          + " v.name, c.id, c.name, v.description, v.published, v.kind, v.executableName, e.sha256,"
          + " e.size, v.inputName, i.sha256, i.size, e.id, i.id)"
          + " from ScriptVersion v join v.script s join v.author a join v.category c"
          + " join v.executable e left join v.input i";

  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private TechnicianService technicians;
  @Inject private CategoryService categories;
  @Inject private AuditLog audit;

  public long create(ScriptDraft draft) {
    draft.validate(true);
    ScriptCategory category = categories.find(draft.category());
    checkNameFree(draft.cleanName(), null);
    Technician author = technicians.current();
    Script script = new Script(author);
    em.persist(script);
    saveVersion(script, author, draft, category, null);
    audit.record("script.create", draft.cleanName(), null);
    return script.getId();
  }

  /** Saves the next version of a script; returns its number. */
  public int update(long id, ScriptDraft draft) {
    draft.validate(false);
    Script script = editable(id, "script.update");
    ScriptCategory category = categories.find(draft.category());
    checkNameFree(draft.cleanName(), script.getId());
    ScriptVersion version =
        saveVersion(script, technicians.current(), draft, category, script.getCurrent());
    audit.record("script.update", draft.cleanName(), "version " + version.getNumber());
    return version.getNumber();
  }

  /** Takes a script out of the library; its versions stay for the reports of past runs. */
  public void delete(long id) {
    Script script = editable(id, "script.delete");
    String name = script.getCurrent().getName();
    script.delete();
    audit.record("script.delete", name, null);
  }

  public List<ScriptRow> list(ScriptQuery query) {
    return library(ROW, query, " " + query.orderBy(), ScriptRow.class)
        .setFirstResult(query.first())
        .setMaxResults(query.max())
        .getResultList();
  }

  public long count(ScriptQuery query) {
    return library(COUNT, query, "", Long.class).getSingleResult();
  }

  /** One script of the library, if the caller may see it. */
  public ScriptRow find(long id) {
    return library(ROW, ScriptQuery.everything(), " and s.id = :id", ScriptRow.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("script.notFound"));
  }

  /**
   * The current versions of these scripts, in no particular order, if the caller may see them all
   * (to run them); one query.
   */
  public List<VersionRow> currentVersions(List<Long> scriptIds) {
    List<VersionRow> rows =
        IdsCondition.bind(
                library(
                    VERSION_ROW,
                    ScriptQuery.everything(),
                    " and v = s.current and " + IdsCondition.on("s.id", scriptIds),
                    VersionRow.class),
                scriptIds)
            .getResultList();
    if (rows.size() != new java.util.HashSet<>(scriptIds).size()) {
      throw new NotFoundException("script.notFound");
    }
    return rows;
  }

  /**
   * The versions of a visible script the caller may see, newest first: all of them for its author
   * and administrators, the published ones for everyone else (drafts saved before a script was
   * published stay its author's).
   */
  public List<VersionRow> versions(long id) {
    boolean all = caller.mayActFor(find(id).author());
    return em.createQuery(
            VERSION_ROW + " where s.id = :id order by v.number desc", VersionRow.class)
        .setParameter("id", id)
        .getResultStream()
        .filter(version -> all || version.published())
        .toList();
  }

  /** One version, if the caller may see it (see {@link #versions}; deleted scripts: admins). */
  public VersionRow version(long versionId) {
    VersionRow row =
        em.createQuery(VERSION_ROW + " where v.id = :id", VersionRow.class)
            .setParameter("id", versionId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("script.notFound"));
    if (!caller.isAdmin() && !row.published() && !caller.mayActFor(find(row.scriptId()).author())) {
      throw new NotFoundException("script.notFound");
    }
    if (!caller.isAdmin()) {
      find(row.scriptId());
    }
    return row;
  }

  /** A file of a visible version: {@code input} false for the executable. */
  public UploadedFile file(long versionId, boolean input) {
    VersionRow row = version(versionId);
    ScriptVersion version = em.find(ScriptVersion.class, row.id());
    StoredFile file = input ? version.getInput() : version.getExecutable();
    if (file == null) {
      throw new NotFoundException("script.notFound");
    }
    return new UploadedFile(
        input ? version.getInputName() : version.getExecutableName(), file.getContent());
  }

  /** Whether the caller may edit and delete this script. */
  public boolean mayEdit(ScriptRow row) {
    return caller.mayActFor(row.author());
  }

  private ScriptVersion saveVersion(
      Script script,
      Technician author,
      ScriptDraft draft,
      ScriptCategory category,
      ScriptVersion previous) {
    UploadedFile executable = draft.executable();
    String executableName;
    StoredFile executableFile;
    if (executable != null) {
      executableName = executable.safeName();
      executableFile = store(executable);
    } else {
      executableName = previous.getExecutableName();
      executableFile = previous.getExecutable();
    }
    String inputName = null;
    StoredFile inputFile = null;
    if (draft.input() != null) {
      inputName = draft.input().safeName();
      inputFile = store(draft.input());
    } else if (previous != null && !draft.removeInput()) {
      inputName = previous.getInputName();
      inputFile = previous.getInput();
    }
    ScriptDraft.checkNames(executableName, inputName);
    ScriptKind kind =
        executable != null
            ? ScriptKind.of(executableName, executable.content())
            : previous.getKind();
    ScriptVersion version =
        new ScriptVersion(
            script,
            author,
            draft.cleanName(),
            category,
            draft.cleanDescription(),
            draft.published(),
            kind,
            executableName,
            executableFile,
            inputName,
            inputFile);
    em.persist(version);
    script.advanceTo(version);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // someone saved the same name at the same moment: the database's unique name decides
      throw new ConflictException("script.name.taken", "name", draft.cleanName());
    }
    return version;
  }

  private StoredFile store(UploadedFile upload) {
    String sha256 = upload.sha256();
    List<Long> existing =
        em.createQuery("select f.id from StoredFile f where f.sha256 = :sha", Long.class)
            .setParameter("sha", sha256)
            .setMaxResults(1)
            .getResultList();
    if (!existing.isEmpty()) {
      return em.getReference(StoredFile.class, existing.get(0));
    }
    StoredFile file = new StoredFile(sha256, upload.content());
    em.persist(file);
    return file;
  }

  private void checkNameFree(String name, Long self) {
    List<Long> same =
        em.createQuery("select s.id from Script s where s.nameKey = :key", Long.class)
            .setParameter("key", ScriptCategory.keyOf(name))
            .getResultList();
    if (!same.isEmpty() && !same.get(0).equals(self)) {
      throw new ConflictException("script.name.taken", "name", name);
    }
  }

  /** The script, if the caller may change it; a refusal is audited. */
  private Script editable(long id, String action) {
    ScriptRow row = find(id);
    if (!mayEdit(row)) {
      audit.recordRefusal(action, row.name(), "author is " + row.author());
      throw new ForbiddenException("script.notAuthor");
    }
    return em.find(Script.class, id);
  }

  /**
   * A query over the library as the caller sees it: only the conditions in use are written, so the
   * database can use its indexes (the name's sort uses the unique index on {@code name_key}).
   */
  private <T> TypedQuery<T> library(String select, ScriptQuery query, String tail, Class<T> type) {
    boolean admin = caller.isAdmin();
    StringBuilder jpql = new StringBuilder(select).append(" where s.deleted = false");
    if (!admin) {
      jpql.append(" and (v.published = true or s.author.username = :caller)");
    }
    if (query.text() != null) {
      jpql.append(
          " and (lower(v.name) like :pattern escape '\\' or lower(v.description) like :pattern escape '\\')");
    }
    if (query.category() != null) {
      jpql.append(" and v.category.id = :category");
    }
    TypedQuery<T> typed = em.createQuery(jpql.append(tail).toString(), type);
    if (!admin) {
      typed.setParameter("caller", caller.name());
    }
    if (query.text() != null) {
      typed.setParameter("pattern", query.pattern());
    }
    if (query.category() != null) {
      typed.setParameter("category", query.category());
    }
    return typed;
  }
}
