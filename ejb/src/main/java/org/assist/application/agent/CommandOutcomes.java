package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.assist.application.run.RunProgress;
import org.assist.application.session.SessionReport;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.report.EventKind;

/** What happens to commands that never got an answer. */
@Stateless
@PermitAll
public class CommandOutcomes {
  @PersistenceContext private EntityManager em;
  @Inject private SessionReport report;
  @Inject private RunProgress runs;

  /** The command waited in an offline agent's queue past its time to live. */
  public void expired(String commandId) {
    AgentCommand command = em.find(AgentCommand.class, commandId);
    if (command != null && command.getType() == org.assist.protocol.CommandType.RUN_SCRIPTS) {
      runs.ended(
          command,
          org.assist.domain.run.TargetState.EXPIRED,
          "the customer's computer did not pick the run up in time");
    }
    if (command != null && command.moveTo(CommandStatus.EXPIRED)) {
      report.record(
          command.getSession(),
          EventKind.COMMAND_EXPIRED,
          SessionReport.SYSTEM,
          command.getType().name(),
          command.getId());
    }
  }
}
