package org.assist.application.policy;

import org.assist.application.Settings;
import org.assist.protocol.Protocol;
import org.assist.protocol.RunPlan;

/**
 * What administrators set for the whole help desk, stored in the database and in force at once.
 * Each starts from its environment variable (or its default) until an administrator changes it.
 */
public enum Policy {
  /** How long the customer has to answer a request before it counts as no. */
  CONSENT_TIMEOUT_SECONDS(
      "ASSIST_CONSENT_TIMEOUT_SECONDS",
      Unit.SECONDS,
      60,
      Protocol.MIN_CONSENT_SECONDS,
      Protocol.MAX_CONSENT_SECONDS),
  /** How long a session may stay with no activity of the customer or the technician. */
  SESSION_IDLE_SECONDS("ASSIST_SESSION_IDLE_SECONDS", Unit.SECONDS, 7_200, 2, 30 * 86_400),
  /** How long a command waits for the customer's computer before it expires. */
  COMMAND_TTL_SECONDS("ASSIST_COMMAND_TTL_SECONDS", Unit.SECONDS, 600, 5, 86_400),
  /** How long a script may run when the technician does not say. */
  SCRIPT_TIMEOUT_SECONDS(
      "ASSIST_SCRIPT_TIMEOUT_SECONDS", Unit.SECONDS, 300, 1, RunPlan.MAX_TIMEOUT_SECONDS),
  /** The longest a technician may let a script run. */
  SCRIPT_TIMEOUT_MAX_SECONDS(
      "ASSIST_SCRIPT_TIMEOUT_MAX_SECONDS",
      Unit.SECONDS,
      RunPlan.MAX_TIMEOUT_SECONDS,
      1,
      RunPlan.MAX_TIMEOUT_SECONDS),
  /** How much of one script's output is kept. */
  OUTPUT_MAX_BYTES(
      "ASSIST_OUTPUT_MAX_BYTES",
      Unit.BYTES,
      RunPlan.MAX_OUTPUT_BYTES,
      1024,
      RunPlan.MAX_OUTPUT_BYTES),
  /** How long a session's number lets a customer join. */
  JOIN_MINUTES("ASSIST_JOIN_MINUTES", Unit.MINUTES, 30, 1, 7 * 1_440),
  /**
   * The most agents connected at once; past it new agents are told the server is busy (0: as many
   * as the server's memory and open files allow).
   */
  MAX_AGENTS("ASSIST_MAX_AGENTS", Unit.AGENTS, 0, 0, 1_000_000);

  /** What a policy's number counts. */
  public enum Unit {
    SECONDS,
    MINUTES,
    BYTES,
    AGENTS
  }

  private final String variable;
  private final Unit unit;
  private final long fallback;
  private final long min;
  private final long max;

  Policy(String variable, Unit unit, long fallback, long min, long max) {
    this.variable = variable;
    this.unit = unit;
    this.fallback = fallback;
    this.min = min;
    this.max = max;
  }

  /** Its value at first start: its environment variable's, else its default, within its bounds. */
  public long firstValue() {
    return Math.max(min, Math.min(max, Settings.number(variable, fallback)));
  }

  public Unit unit() {
    return unit;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public String variable() {
    return variable;
  }
}
