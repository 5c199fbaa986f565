package org.assist.domain.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a session's report: what happened, when, and who did it. */
@Entity
@Table(name = "session_event")
public class SessionEvent {
  // ids handed out 50 at a time, so that rows are inserted in batches (V7__Batched_ids)
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_event_seq")
  @SequenceGenerator(
      name = "session_event_seq",
      sequenceName = "session_event_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "session_id", nullable = false)
  private Long sessionId;

  @Column(nullable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private EventKind kind;

  @Column(nullable = false, length = 128)
  private String actor;

  @Column(length = 1024)
  private String detail;

  @Column(name = "command_id", length = 36)
  private String commandId;

  @Column(name = "step_id")
  private Long stepId;

  protected SessionEvent() {}

  /**
   * @param stepId the script step whose end this entry tells, or null
   */
  public SessionEvent(
      long sessionId, EventKind kind, String actor, String detail, String commandId, Long stepId) {
    this.sessionId = sessionId;
    this.at = Instant.now();
    this.kind = kind;
    this.actor = actor.length() <= 128 ? actor : actor.substring(0, 128);
    this.detail = detail == null || detail.length() <= 1024 ? detail : detail.substring(0, 1024);
    this.commandId = commandId;
    this.stepId = stepId;
  }

  public Long getId() {
    return id;
  }

  public Long getSessionId() {
    return sessionId;
  }

  public Instant getAt() {
    return at;
  }

  public EventKind getKind() {
    return kind;
  }

  public String getActor() {
    return actor;
  }

  public String getDetail() {
    return detail;
  }

  public String getCommandId() {
    return commandId;
  }

  public Long getStepId() {
    return stepId;
  }
}
