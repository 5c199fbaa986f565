package org.assist.protocol;

/**
 * A token bucket: at most {@code burst} messages at once, {@code perSecond} more each second. The
 * server holds each agent to its budgets, and the agent holds what its customer types to the chat's
 * budget, so that nothing a person writes is dropped on the way.
 */
public final class RateBudget {
  /** A budget's size. */
  public record Size(double burst, double perSecond) {
    /**
     * The budget a sender keeps to so that a receiver holding it to this one never finds it over:
     * half the burst, nine tenths of the rate.
     */
    public Size withMargin() {
      return new Size(Math.max(1, burst / 2), perSecond * 0.9);
    }
  }

  /** Chat lines from a customer: a person types a few lines a minute. */
  public static final Size CHAT = new Size(10, 1);

  /**
   * Everything an agent reports (a script's output is the most of it): a script writing as fast as
   * it can stays well within it.
   */
  public static final Size EVENTS = new Size(2000, 200);

  private final Size size;
  private double tokens;
  private long updated = Long.MIN_VALUE;

  public RateBudget(Size size) {
    this.size = size;
    this.tokens = size.burst();
  }

  /** Takes one message at {@code now} (nanoseconds): false when over budget. */
  public synchronized boolean take(long now) {
    refill(now);
    if (tokens < 1) {
      return false;
    }
    tokens--;
    return true;
  }

  /** How long from {@code now} (nanoseconds) until a message may be taken: 0 if at once. */
  public synchronized long nanosUntilNext(long now) {
    refill(now);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / size.perSecond() * 1e9);
  }

  private void refill(long now) {
    if (updated != Long.MIN_VALUE) {
      tokens = Math.min(size.burst(), tokens + (now - updated) / 1e9 * size.perSecond());
    }
    updated = now;
  }
}
