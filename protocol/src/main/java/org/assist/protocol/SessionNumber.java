package org.assist.protocol;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The nine-digit number a technician reads to a customer, who types it into the agent to join.
 * Customers copy it from the phone or a ticket, so parsing forgives spaces and dashes.
 */
public final class SessionNumber {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int LOWEST = 100_000_000;

  private final String digits;

  private SessionNumber(String digits) {
    this.digits = digits;
  }

  /** A new random number, never starting with 0 so it keeps its nine digits everywhere. */
  public static SessionNumber random() {
    return new SessionNumber(Integer.toString(LOWEST + RANDOM.nextInt(900_000_000)));
  }

  /**
   * Reads {@code 123456789}, {@code 123 456 789} or {@code 123-456-789}; empty if not nine digits.
   */
  public static Optional<SessionNumber> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String digits = text.replaceAll("[\\s-]", "");
    if (digits.length() != 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(new SessionNumber(digits));
  }

  /** The nine digits, no separators: what is stored and sent. */
  public String digits() {
    return digits;
  }

  /** The number as people read it: {@code 123 456 789}. */
  public String display() {
    return digits.substring(0, 3) + ' ' + digits.substring(3, 6) + ' ' + digits.substring(6);
  }

  /** Formats stored digits for display; anything that is not a session number is returned as is. */
  public static String display(String digits) {
    return parse(digits).map(SessionNumber::display).orElse(digits);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionNumber number && number.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  @Override
  public String toString() {
    return display();
  }
}
