package org.assist.domain.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A policy an administrator set: its value, and who set it when. */
@Entity
@Table(name = "policy")
public class PolicyValue {
  @Id
  @Column(length = 64)
  private String name;

  // "value" is a reserved word in H2
  @Column(name = "amount", nullable = false)
  private long value;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false, length = 64)
  private String changedBy;

  protected PolicyValue() {}

  public PolicyValue(String name, long value, String changedBy) {
    this.name = name;
    set(value, changedBy);
  }

  public final void set(long value, String changedBy) {
    this.value = value;
    this.changedAt = Instant.now();
    this.changedBy = changedBy;
  }

  public String getName() {
    return name;
  }

  public long getValue() {
    return value;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangedBy() {
    return changedBy;
  }
}
