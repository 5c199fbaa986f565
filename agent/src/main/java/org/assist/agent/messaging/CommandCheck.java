package org.assist.agent.messaging;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.JmsCodec.SignedCommand;

/**
 * Whether a command may be carried out by this agent: signed by its server, for this agent, and
 * recent (a command kept or replayed long after the server issued it is refused even when the
 * journal of commands already run has been lost).
 */
public final class CommandCheck {
  /** Oldest command carried out; the server's commands expire on the broker long before. */
  public static final Duration MAX_AGE = Duration.ofHours(24);

  /** How far ahead of this computer's clock the server's may be. */
  public static final Duration CLOCK_SKEW = Duration.ofHours(1);

  private final String agentId;
  private final PublicKey serverKey;

  public CommandCheck(String agentId, PublicKey serverKey) {
    this.agentId = agentId;
    this.serverKey = serverKey;
  }

  /** Why the command is refused, or null when it may be carried out. */
  public String refusal(SignedCommand signed, Instant now) {
    if (!signed.command().agentId().equals(agentId)
        || !CommandSignature.verify(serverKey, signed.command(), signed.signature())) {
      return "signature does not verify";
    }
    Instant issued = signed.command().issuedAt();
    if (issued.isBefore(now.minus(MAX_AGE)) || issued.isAfter(now.plus(CLOCK_SKEW))) {
      return "issued at " + issued + ", too far from now";
    }
    return null;
  }
}
