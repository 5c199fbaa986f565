package org.assist.application.agent;

import java.time.Instant;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.protocol.CommandType;

/** A command sent to a session's agent, and how it stands. */
public record CommandRow(
    String id, CommandType type, CommandStatus status, String requestedBy, Instant createdAt) {
  public static CommandRow of(AgentCommand command) {
    return new CommandRow(
        command.getId(),
        command.getType(),
        command.getStatus(),
        command.getRequestedBy(),
        command.getCreatedAt());
  }

  /** It was answered, refused or expired: nothing more will happen to it. */
  public boolean finished() {
    return status.isFinished();
  }
}
