package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.assist.application.NotFoundException;
import org.assist.application.script.UploadedFile;
import org.assist.domain.agent.Agent;
import org.assist.domain.run.TargetState;
import org.assist.domain.script.StoredFile;
import org.assist.infrastructure.Lru;

/**
 * Script files for agents: small ones travel inside the signed run command, the others are fetched
 * over HTTP by reference (version and SHA-256 come in the command). An agent authenticates with its
 * id and secret, and gets only the files of scripts in a run on its own session that is still
 * going.
 */
@Stateless
@PermitAll
public class AgentFiles {
  /** Recently served file contents by stored-file id, at most {@link #CACHED_FILES}. */
  private static final int CACHED_FILES = 64;

  private static final Map<Long, byte[]> CONTENTS = Lru.map(CACHED_FILES);

  /** One lock per file being read from the database. */
  private static final Map<Long, Object> LOADING = Lru.map(CACHED_FILES);

  @PersistenceContext private EntityManager em;

  /** The file, or NotFoundException for a wrong agent, secret, version or a finished run. */
  public UploadedFile read(String agentId, String secret, long versionId, boolean input) {
    Agent agent = agentId == null ? null : em.find(Agent.class, agentId);
    if (agent == null || agent.isRevoked() || !agent.hasSecret(secret)) {
      throw new NotFoundException("script.notFound");
    }
    long allowed =
        em.createQuery(
                "select count(s) from RunStep s where s.version.id = :version and s.target.session.agent = :agent"
                    + " and s.target.state in (:waiting, :running)",
                Long.class)
            .setParameter("version", versionId)
            .setParameter("agent", agent)
            .setParameter("waiting", TargetState.WAITING_FOR_CONSENT)
            .setParameter("running", TargetState.RUNNING)
            .getSingleResult();
    List<Object[]> found =
        em.createQuery(
                "select f.id, "
                    + (input ? "v.inputName" : "v.executableName")
                    + " from ScriptVersion v join v."
                    + (input ? "input" : "executable")
                    + " f where v.id = :version",
                Object[].class)
            .setParameter("version", versionId)
            .getResultList();
    if (allowed == 0 || found.isEmpty()) {
      throw new NotFoundException("script.notFound");
    }
    return new UploadedFile((String) found.get(0)[1], content((Long) found.get(0)[0]));
  }

  /**
   * A stored file's bytes. Stored files never change: a run on many sessions reads each one from
   * the database once; agents fetching other files meanwhile do not wait for it.
   */
  public byte[] content(long fileId) {
    byte[] content = CONTENTS.get(fileId);
    if (content == null) {
      synchronized (LOADING.computeIfAbsent(fileId, id -> new Object())) {
        content = CONTENTS.get(fileId);
        if (content == null) {
          content = em.find(StoredFile.class, fileId).getContent();
          CONTENTS.put(fileId, content);
        }
      }
    }
    return content;
  }
}
