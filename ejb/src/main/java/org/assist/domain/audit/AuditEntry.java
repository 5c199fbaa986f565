package org.assist.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One action or refused attempt, kept for the administrators' audit log. Entries are only ever
 * added: it has no setter, and on PostgreSQL a trigger refuses to change or delete one.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false, length = 64)
  private String actor;

  /** The client's address; null for what Assist did by itself. */
  @Column(length = 64)
  private String address;

  @Column(nullable = false, length = 64)
  private String action;

  @Column(length = 256)
  private String target;

  @Column(length = 1024)
  private String detail;

  protected AuditEntry() {}

  public AuditEntry(String actor, String address, String action, String target, String detail) {
    this.at = Instant.now();
    this.actor = clip(actor == null ? "" : actor, 64);
    this.address = clip(address, 64);
    this.action = clip(action, 64);
    this.target = clip(target, 256);
    this.detail = clip(detail, 1024);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getAddress() {
    return address;
  }

  public String getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public String getDetail() {
    return detail;
  }
}
