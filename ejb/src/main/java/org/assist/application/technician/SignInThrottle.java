package org.assist.application.technician;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assist.application.FailureCounts;

/**
 * Stops password guessing without letting anyone lock a technician out. Wrong passwords count per
 * address (30 within 15 minutes refuse every sign-in from there: password spraying) and per account
 * at an address (5 in a row refuse that account from there for 5 minutes), so a guesser elsewhere
 * cannot keep {@code admin} locked. Console and API alike; a right password ends the streak of its
 * account at its address, not the address's count. Changing one's own password allows 5 wrong
 * current passwords per 15 minutes.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SignInThrottle {
  static final int PER_ADDRESS = 30;
  static final int IN_A_ROW = 5;
  static final int PASSWORD_CHANGES = 5;

  private final FailureCounts addresses = new FailureCounts(() -> Duration.ofMinutes(15));
  private final FailureCounts accounts = new FailureCounts(() -> Duration.ofMinutes(5));
  private final FailureCounts changes = new FailureCounts(() -> Duration.ofMinutes(15));

  /** Whether a sign-in as this user from this address is refused for now, whatever the password. */
  public boolean isRefused(String username, String address) {
    return addresses.isOver(Map.of(address, PER_ADDRESS))
        || accounts.isOver(Map.of(account(username, address), IN_A_ROW));
  }

  public void failed(String username, String address) {
    addresses.count(List.of(address));
    accounts.count(List.of(account(username, address)));
  }

  public void succeeded(String username, String address) {
    accounts.clear(account(username, address));
  }

  /** Whether this account may try its current password again to change it. */
  public boolean mayChangePassword(String username) {
    return !changes.isOver(Map.of(username, PASSWORD_CHANGES));
  }

  /** A wrong current password, or a right one (which ends the count). */
  public void passwordChangeTried(String username, boolean right) {
    if (right) {
      changes.clear(username);
    } else {
      changes.count(List.of(username));
    }
  }

  private static String account(String username, String address) {
    return username.strip().toLowerCase(Locale.ROOT) + "@" + address;
  }
}
