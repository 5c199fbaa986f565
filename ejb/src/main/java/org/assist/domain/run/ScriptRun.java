package org.assist.domain.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One launch of an ordered list of scripts, on one session or several at once. */
@Entity
@Table(name = "script_run")
public class ScriptRun {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "launched_by", nullable = false, length = 64)
  private String launchedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "stop_on_failure", nullable = false)
  private boolean stopOnFailure;

  protected ScriptRun() {}

  public ScriptRun(String launchedBy, boolean stopOnFailure) {
    this.launchedBy = launchedBy;
    this.stopOnFailure = stopOnFailure;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public String getLaunchedBy() {
    return launchedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isStopOnFailure() {
    return stopOnFailure;
  }
}
