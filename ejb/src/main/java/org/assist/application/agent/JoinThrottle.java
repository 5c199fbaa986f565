package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assist.application.Settings;

/**
 * Stops anyone from guessing session numbers. Wrong numbers are counted per address, per network
 * (an IPv6 /64 is one budget: one computer has a whole /64 to itself) and over all addresses; once
 * any of them had too many within the lock-out time, joins from there (or from everywhere) are
 * refused until it has passed. A right number resets nothing, and counting and checking are one
 * step, so that many tries at once cannot slip through between them.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JoinThrottle {
  private static final int MAX_TRACKED = 100_000;
  private static final String EVERYONE = "*";

  /** Wrong numbers counted for one key since {@code since} (nanoTime). */
  private record Failures(int count, long since) {}

  private final Map<String, Failures> failures = new HashMap<>();

  /** Whether joins from this address are refused for now. */
  public synchronized boolean isRefused(String address) {
    long now = System.nanoTime();
    return keys(address).stream().anyMatch(key -> over(key, now));
  }

  /** A wrong (or used, or expired) number came from this address. */
  public synchronized void failed(String address) {
    long now = System.nanoTime();
    if (failures.size() > MAX_TRACKED) {
      failures.values().removeIf(f -> now - f.since() > Settings.joinLockout().toNanos());
    }
    for (String key : keys(address)) {
      Failures seen = current(key, now);
      failures.put(
          key,
          new Failures(seen == null ? 1 : seen.count() + 1, seen == null ? now : seen.since()));
    }
  }

  private boolean over(String key, long now) {
    Failures seen = current(key, now);
    return seen != null && seen.count() >= limit(key);
  }

  /** The key's failures, unless its lock-out time has passed. */
  private Failures current(String key, long now) {
    Failures seen = failures.get(key);
    Duration lockout = Settings.joinLockout();
    if (seen != null && now - seen.since() > lockout.toNanos()) {
      failures.remove(key);
      return null;
    }
    return seen;
  }

  private static int limit(String key) {
    int perAddress = Settings.joinAttempts();
    return key.equals(EVERYONE)
        ? perAddress * 50
        : key.startsWith("net:") ? perAddress * 2 : perAddress;
  }

  /** The budgets an address draws on: its own, its network's (IPv6 /64) and everyone's. */
  static List<String> keys(String address) {
    String network = network(address);
    return network == null
        ? List.of("ip:" + address, EVERYONE)
        : List.of("ip:" + address, "net:" + network, EVERYONE);
  }

  /** An IPv6 address's /64, or null for an IPv4 address (its own budget is its network's). */
  static String network(String address) {
    if (address == null || !address.contains(":")) {
      return null;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return null;
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        prefix.append(String.format("%02x", bytes[i]));
      }
      return prefix + "::/64";
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
