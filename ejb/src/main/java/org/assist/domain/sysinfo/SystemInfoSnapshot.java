package org.assist.domain.sysinfo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.session.SupportSession;

/**
 * One collection of a customer's system information, kept in the session's report so that before
 * and after (a restart, a script) can be compared. The content is the agent's JSON as received:
 * untrusted, escaped wherever it is shown.
 */
@Entity
@Table(name = "system_info_snapshot")
public class SystemInfoSnapshot {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "session_id")
  private SupportSession session;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "command_id")
  private AgentCommand command;

  @Column(name = "collected_at", nullable = false)
  private Instant collectedAt;

  @Column(nullable = false)
  private String content;

  protected SystemInfoSnapshot() {}

  public SystemInfoSnapshot(AgentCommand command, String content) {
    this.session = command.getSession();
    this.command = command;
    this.collectedAt = Instant.now();
    this.content = content;
  }

  public Long getId() {
    return id;
  }

  public SupportSession getSession() {
    return session;
  }

  public AgentCommand getCommand() {
    return command;
  }

  public Instant getCollectedAt() {
    return collectedAt;
  }

  public String getContent() {
    return content;
  }
}
