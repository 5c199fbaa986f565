package org.assist.infrastructure.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where an earlier version kept the command-signing key pair: read once, to move it to {@link
 * org.assist.infrastructure.security.SigningKeyStore}.
 */
@Entity
@Table(name = "server_key")
public class ServerKey {
  static final String COMMAND_SIGNING = "command-signing";

  @Id
  @Column(length = 32)
  private String name;

  @Column(name = "private_key", nullable = false, length = 256)
  private String privateKey;

  @Column(name = "public_key", nullable = false, length = 256)
  private String publicKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ServerKey() {}

  ServerKey(String name, String privateKey, String publicKey) {
    this.name = name;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.createdAt = Instant.now();
  }

  String getPrivateKey() {
    return privateKey;
  }

  String getPublicKey() {
    return publicKey;
  }
}
