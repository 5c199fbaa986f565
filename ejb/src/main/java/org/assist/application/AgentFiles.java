package org.assist.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assist.domain.agent.Agent;
import org.assist.domain.run.TargetState;
import org.assist.domain.script.ScriptVersion;
import org.assist.domain.script.StoredFile;
import org.assist.infrastructure.security.PasswordHasher;
import org.assist.protocol.Sha256;

/**
 * Script files for agents, fetched over HTTP by reference (version and SHA-256 come in the signed
 * command). An agent authenticates with its id and secret, and gets only the files of scripts in a
 * run on its own session that is still going.
 */
@Stateless
@PermitAll
public class AgentFiles {
  /** Secrets already checked with bcrypt, as their SHA-256: a run's many files cost one bcrypt. */
  private static final Map<String, byte[]> CHECKED = new ConcurrentHashMap<>();

  @PersistenceContext private EntityManager em;

  /** The file, or NotFoundException for a wrong agent, secret, version or a finished run. */
  public UploadedFile read(String agentId, String secret, long versionId, boolean input) {
    Agent agent = agentId == null ? null : em.find(Agent.class, agentId);
    if (agent == null || agent.isRevoked() || !secretMatches(agent, secret)) {
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
    ScriptVersion version = em.find(ScriptVersion.class, versionId);
    StoredFile file = version == null ? null : input ? version.getInput() : version.getExecutable();
    if (allowed == 0 || file == null) {
      throw new NotFoundException("script.notFound");
    }
    return new UploadedFile(
        input ? version.getInputName() : version.getExecutableName(), file.getContent());
  }

  private static boolean secretMatches(Agent agent, String secret) {
    if (secret == null) {
      return false;
    }
    byte[] digest = Sha256.digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] known = CHECKED.get(agent.getId());
    if (known != null) {
      return MessageDigest.isEqual(known, digest);
    }
    if (!PasswordHasher.matches(secret, agent.getSecretHash())) {
      return false;
    }
    CHECKED.put(agent.getId(), digest);
    return true;
  }
}
