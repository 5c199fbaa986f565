package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.assist.application.AuditLog;
import org.assist.application.Caller;
import org.assist.application.InvalidInputException;
import org.assist.application.Roles;
import org.assist.application.Settings;
import org.assist.domain.agent.Agent;
import org.assist.domain.agent.ServerTrust;
import org.assist.domain.session.SupportSession;
import org.assist.infrastructure.messaging.ServerKeys;
import org.assist.protocol.TrustUpdate;

/**
 * Renews the server's keys without losing an agent: an administrator makes a new signing key (and
 * announces the certificate the server will present next, when one waits in {@link
 * Settings#nextTlsKeyStore()}); every agent of an open session gets it in a {@link TrustUpdate}
 * signed with the key it trusts until now, at once if it is connected, else when it connects again
 * (its {@code Hello} says which version it trusts). Commands are signed, per agent, with the newest
 * version sent to it: it reads its commands in order, so it has taken those keys before it reads
 * the commands that follow them (waiting for it to say so refused the commands sent meanwhile).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class TrustRenewal {
  private static final Logger LOG = Logger.getLogger(TrustRenewal.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private ServerKeys keys;
  @Inject private AgentCommands commands;
  @Inject private AuditLog audit;
  @Inject private Caller caller;

  /** Where the keys stand: for the administrator, and the API. */
  public record TrustState(
      int version,
      String signingKey,
      List<String> announcedCertificates,
      String nextCertificate,
      Map<Integer, Long> agentsByVersion) {}

  public TrustState state() {
    List<ServerTrust> renewals = renewals();
    Map<Integer, Long> byVersion = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(
                "select a.trustVersion, count(a) from SupportSession s join s.agent a"
                    + " where s.state <> org.assist.domain.session.SessionState.ENDED"
                    + " and a.revoked = false group by a.trustVersion order by a.trustVersion",
                Object[].class)
            .getResultList()) {
      byVersion.put((Integer) row[0], (Long) row[1]);
    }
    return new TrustState(
        keys.currentVersion(),
        keys.publicKey(),
        renewals.isEmpty() ? List.of() : renewals.get(renewals.size() - 1).getCertificates(),
        nextCertificate().orElse(null),
        byVersion);
  }

  /**
   * A new signing key, and the next certificate announced if one waits; sent to every connected
   * agent of an open session. {@code presented} is the certificate the server presents now (the
   * administrator's connection's), announced with the next one so both are trusted meanwhile.
   */
  public TrustState renew(String presented) {
    List<String> certificates = new ArrayList<>();
    Optional<String> next = nextCertificate();
    if (next.isPresent()) {
      if (presented == null) {
        throw new InvalidInputException("trust.noCurrentCertificate");
      }
      certificates.add(presented);
      if (!next.get().equals(presented)) {
        certificates.add(next.get());
      }
    }
    int version = keys.renew();
    em.persist(new ServerTrust(version, certificates, caller.name()));
    audit.record(
        "server.keys.renew",
        "version " + version,
        certificates.isEmpty() ? null : "certificates " + String.join(", ", certificates));
    int sent = 0;
    for (SupportSession session :
        em.createQuery(
                "select s from SupportSession s join fetch s.agent a"
                    + " where s.state = org.assist.domain.session.SessionState.CONNECTED"
                    + " and a.revoked = false",
                SupportSession.class)
            .getResultList()) {
      if (update(session)) {
        sent++;
      }
    }
    LOG.info("Signing key version " + version + " made; " + sent + " agents told");
    return state();
  }

  /**
   * An agent said (connecting) which version of the keys it trusts: noted, and when it is behind,
   * it gets the current one. Called for the agent itself, not an administrator.
   */
  @PermitAll
  public void trusted(SupportSession session, int version) {
    Agent agent = session.getAgent();
    if (version > 0 && version <= keys.currentVersion()) {
      agent.trusts(version);
    }
    update(session);
  }

  /**
   * Sends the session's agent the current keys, signed with the ones it trusts; false if current.
   */
  private boolean update(SupportSession session) {
    Agent agent = session.getAgent();
    int current = keys.currentVersion();
    if (agent.getSigningVersion() >= current) {
      return false;
    }
    commands.issue(
        session,
        new TrustUpdate(current, keys.publicKey(), certificatesAfter(agent.getTrustVersion())));
    agent.sentKeys(current);
    return true;
  }

  /** The certificates announced last after this version; empty if none was. */
  private List<String> certificatesAfter(int version) {
    List<ServerTrust> renewals = renewals();
    Collections.reverse(renewals);
    return renewals.stream()
        .filter(r -> r.getVersion() > version && !r.getCertificates().isEmpty())
        .findFirst()
        .map(ServerTrust::getCertificates)
        .orElse(List.of());
  }

  private List<ServerTrust> renewals() {
    return new ArrayList<>(
        em.createQuery("select t from ServerTrust t order by t.version", ServerTrust.class)
            .getResultList());
  }

  /** The fingerprint of the certificate waiting in {@link Settings#nextTlsKeyStore()}, if any. */
  static Optional<String> nextCertificate() {
    Path file = Settings.nextTlsKeyStore();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, Settings.tlsPassword());
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          Certificate certificate = store.getCertificate(alias);
          return Optional.of(
              HexFormat.ofDelimiter(":")
                  .withUpperCase()
                  .formatHex(
                      MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        }
      }
      return Optional.empty();
    } catch (IOException | GeneralSecurityException e) {
      LOG.warning("cannot read " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
