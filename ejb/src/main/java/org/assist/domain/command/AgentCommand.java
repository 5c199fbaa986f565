package org.assist.domain.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.CommandType;

/**
 * One command sent to a session's agent. Its id travels with the message and with every answer, so
 * answers are matched to it and a duplicate answer changes nothing.
 */
@Entity
@Table(name = "agent_command")
public class AgentCommand {
  @Id
  @Column(length = 36)
  private String id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "session_id")
  private SupportSession session;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private CommandType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private CommandStatus status;

  @Column(name = "requested_by", nullable = false, length = 64)
  private String requestedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AgentCommand() {}

  public AgentCommand(SupportSession session, CommandType type, String requestedBy) {
    this.id = UUID.randomUUID().toString();
    this.session = session;
    this.type = type;
    this.requestedBy = requestedBy;
    this.status = CommandStatus.WAITING_FOR_CONSENT;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public SupportSession getSession() {
    return session;
  }

  public CommandType getType() {
    return type;
  }

  public CommandStatus getStatus() {
    return status;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /**
   * Moves to a new status unless the command is already finished: answers that arrive late or twice
   * do not rewrite history. Returns whether anything changed.
   */
  public boolean moveTo(CommandStatus next) {
    if (status.isFinished() || status == next) {
      return false;
    }
    status = next;
    updatedAt = Instant.now();
    return true;
  }
}
