package org.assist.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The program on one customer's computer, as the server knows it. Its id is also its broker user
 * and role; its secret exists only on the customer's computer, here as a bcrypt hash.
 */
@Entity
@Table(name = "agent")
public class Agent {
  static final int TEXT_LIMIT = 255;

  @Id
  @Column(length = 24)
  private String id;

  @Column(name = "secret_hash", nullable = false, length = 100)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "computer_name")
  private String computerName;

  @Column(name = "os_name")
  private String osName;

  @Column(name = "os_user")
  private String osUser;

  @Column(nullable = false)
  private boolean revoked;

  @Column(name = "released_at")
  private Instant releasedAt;

  /** The version of the server's keys this agent said it trusts. */
  @Column(name = "trust_version", nullable = false)
  private int trustVersion = 1;

  /**
   * The version its commands are signed with: the one it trusts, or newer keys already sent to it
   * (it reads its commands in order, so it has taken them before it reads the next command).
   */
  @Column(name = "signing_version", nullable = false)
  private int signingVersion = 1;

  /** The RSA public key the agent made at its join (Base64); null from an agent without one. */
  @Column(name = "public_key", length = 1024)
  private String publicKey;

  protected Agent() {}

  public Agent(String id, String secretHash) {
    this.id = id;
    this.secretHash = secretHash;
    this.createdAt = Instant.now();
  }

  public String getId() {
    return id;
  }

  public String getPublicKey() {
    return publicKey;
  }

  /** The key the agent made at its join, checked by the protocol as an RSA key. */
  public void keyedWith(String publicKey) {
    this.publicKey = publicKey;
  }

  public int getTrustVersion() {
    return trustVersion;
  }

  public int getSigningVersion() {
    return signingVersion;
  }

  /**
   * The agent said it trusts this version of the server's keys (it took a renewal, or joined, or
   * connected again): its commands are signed with it until newer keys are sent.
   */
  public void trusts(int version) {
    trustVersion = version;
    signingVersion = version;
  }

  /** Newer keys were sent to the agent: the commands that follow them are signed with them. */
  public void sentKeys(int version) {
    signingVersion = version;
  }

  /**
   * How an agent's secret is kept: its SHA-256 in hex, which the broker's realm checks too. The
   * secret is 256 random bits, so a slow hash adds nothing but cost, and the broker checks it again
   * on every authorization-cache miss (with bcrypt, 200 agents kept a core busy).
   */
  public static String digest(String secret) {
    return org.assist.protocol.Sha256.hex(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** True if {@code secret} is this agent's, compared in constant time. */
  public boolean hasSecret(String secret) {
    return secret != null
        && java.security.MessageDigest.isEqual(
            digest(secret).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            secretHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  public String getSecretHash() {
    return secretHash;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public String getComputerName() {
    return computerName;
  }

  public String getOsName() {
    return osName;
  }

  public String getOsUser() {
    return osUser;
  }

  public boolean isRevoked() {
    return revoked;
  }

  /** What the agent says about its computer: untrusted text, clipped to what is stored. */
  public void describe(String computerName, String osName, String osUser) {
    this.computerName = clip(computerName);
    this.osName = clip(osName);
    this.osUser = clip(osUser);
  }

  public void seenAt(Instant when) {
    if (lastSeenAt == null || when.isAfter(lastSeenAt)) {
      lastSeenAt = when;
    }
  }

  /** The agent may no longer connect: its session ended. */
  public void revoke() {
    revoked = true;
  }

  /** Its broker queue, address and permissions were removed. */
  public void released(Instant when) {
    releasedAt = when;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  private static String clip(String text) {
    if (text == null) {
      return null;
    }
    String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
    return clean.length() <= TEXT_LIMIT ? clean : clean.substring(0, TEXT_LIMIT);
  }
}
