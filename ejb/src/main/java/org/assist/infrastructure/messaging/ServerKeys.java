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
import java.io.IOException;
import java.security.KeyPair;
import java.util.SortedMap;
import java.util.TreeMap;
import org.assist.application.Settings;
import org.assist.infrastructure.security.SigningKey;
import org.assist.infrastructure.security.SigningKeyStore;
import org.assist.protocol.Command;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.ServerIdentity;

/**
 * Signs every command sent to an agent. The Ed25519 key pair is made on the first start and kept in
 * {@link Settings#signingKeyFile()}, a PKCS#12 file only the server's account may read (a key an
 * earlier version kept in the database is moved there, and the row removed). Agents read the public
 * key over the TLS connection whose certificate they pinned, and refuse any command it does not
 * verify.
 */
@Singleton
@PermitAll
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerKeys {
  @PersistenceContext private EntityManager em;
  private SigningKeyStore store;

  /** Every version of the key, oldest first; the last is the current one. */
  private volatile SortedMap<Integer, SigningKey> keys;

  @PostConstruct
  void load() {
    store = new SigningKeyStore(Settings.signingKeyFile(), Settings.signingKeyPassword());
    try {
      keys = versions();
      if (keys.isEmpty()) {
        ServerKey stored = em.find(ServerKey.class, ServerKey.COMMAND_SIGNING);
        KeyPair first =
            stored == null
                ? CommandSignature.newKeyPair()
                : new KeyPair(
                    CommandSignature.decodePublicKey(stored.getPublicKey()),
                    CommandSignature.decodePrivateKey(stored.getPrivateKey()));
        store.add(1, first);
        if (stored != null) {
          em.remove(stored);
        }
        keys = versions();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Signs with the version of the key the agent trusts (the current one once it took it). */
  public String sign(Command command, int version) {
    SigningKey key = keys.get(version);
    if (key == null) {
      key = keys.get(keys.lastKey());
    }
    return key.sign(command);
  }

  private SortedMap<Integer, SigningKey> versions() throws IOException {
    SortedMap<Integer, SigningKey> loaded = new TreeMap<>();
    store.load().forEach((version, pair) -> loaded.put(version, new SigningKey(pair)));
    return loaded;
  }

  /** The current version of the key. */
  public int currentVersion() {
    return keys.lastKey();
  }

  /** The public key agents verify commands with, base64 X.509: the current one. */
  public String publicKey() {
    return CommandSignature.encodePublicKey(keys.get(keys.lastKey()).publicKey());
  }

  /** Who this server is, as agents pin it, with the certificate it presented on a connection. */
  public ServerIdentity identity(String certificate) {
    return new ServerIdentity(certificate, publicKey(), currentVersion());
  }

  /**
   * Makes a new key, the current one from now on, kept with the others (each signs for the agents
   * that trust it until they took the next); returns its version.
   */
  public synchronized int renew() {
    int version = keys.lastKey() + 1;
    try {
      store.add(version, CommandSignature.newKeyPair());
      keys = versions();
    } catch (IOException e) {
      throw new IllegalStateException("cannot keep a new signing key: " + e.getMessage(), e);
    }
    return version;
  }
}
