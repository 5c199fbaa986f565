package org.assist.infrastructure.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.assist.protocol.Command;
import org.assist.protocol.CommandSignature;

/**
 * Signs every command sent to an agent. The Ed25519 key pair is made on the first start and kept;
 * agents receive the public key when they join and refuse any command it does not verify.
 */
@Singleton
@PermitAll
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerKeys {
  @PersistenceContext private EntityManager em;
  private PrivateKey privateKey;
  private String publicKey;

  @PostConstruct
  void load() {
    ServerKey key = em.find(ServerKey.class, ServerKey.COMMAND_SIGNING);
    if (key == null) {
      KeyPair pair = CommandSignature.newKeyPair();
      key =
          new ServerKey(
              ServerKey.COMMAND_SIGNING,
              CommandSignature.encodePrivateKey(pair.getPrivate()),
              CommandSignature.encodePublicKey(pair.getPublic()));
      em.persist(key);
    }
    privateKey = CommandSignature.decodePrivateKey(key.getPrivateKey());
    publicKey = key.getPublicKey();
  }

  public String sign(Command command) {
    return CommandSignature.sign(privateKey, command);
  }

  /** The public key agents verify commands with, base64 X.509. */
  public String publicKey() {
    return publicKey;
  }
}
