package org.assist.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One renewal of the server's keys: its version (the signing key's), the certificates the server
 * may present from then on (empty: unchanged), when and by whom. The keys themselves are in the
 * signing key store, never here.
 */
@Entity
@Table(name = "server_trust")
public class ServerTrust {
  @Id private int version;

  @Column(nullable = false, length = 1024)
  private String certificates;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  protected ServerTrust() {}

  public ServerTrust(int version, List<String> certificates, String createdBy) {
    this.version = version;
    this.certificates = String.join(",", certificates);
    this.createdAt = Instant.now();
    this.createdBy = createdBy;
  }

  public int getVersion() {
    return version;
  }

  public List<String> getCertificates() {
    return certificates.isEmpty() ? List.of() : Arrays.asList(certificates.split(","));
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
