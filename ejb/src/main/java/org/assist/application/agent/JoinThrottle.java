package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assist.application.Settings;

/**
 * Stops anyone from guessing session numbers: an address that tried too many wrong numbers in a row
 * is refused for a while, whatever number it sends next.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JoinThrottle {
  private static final int MAX_TRACKED = 100_000;

  private record Failures(int count, Instant since) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public boolean isRefused(String address) {
    Failures seen = failures.get(address);
    if (seen == null) {
      return false;
    }
    if (Instant.now().isAfter(seen.since().plus(Settings.joinLockout()))) {
      failures.remove(address, seen);
      return false;
    }
    return seen.count() >= Settings.joinAttempts();
  }

  public void failed(String address) {
    if (failures.size() > MAX_TRACKED) {
      Instant cutoff = Instant.now().minus(Settings.joinLockout());
      failures.values().removeIf(f -> f.since().isBefore(cutoff));
    }
    failures.merge(
        address,
        new Failures(1, Instant.now()),
        (old, one) -> new Failures(old.count() + 1, Instant.now()));
  }

  public void succeeded(String address) {
    failures.remove(address);
  }
}
