package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assist.application.FailureCounts;
import org.assist.application.Settings;

/**
 * Stops anyone from guessing session numbers. Wrong numbers are counted per address, per network
 * (an IPv6 /64 is one budget: one computer has a whole /64 to itself) and over all addresses; once
 * any of them had too many within the lock-out time, joins from there (or from everywhere) are
 * refused until it has passed. A right number resets nothing, and counting and checking are one
 * step ({@link #admit}), so that many tries at once cannot slip through between them.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JoinThrottle {
  private static final String EVERYONE = "*";
  private final FailureCounts failures = new FailureCounts(Settings::joinLockout);

  /**
   * Counts an attempt from this address as a wrong number, in the same step as checking it may be
   * made: false when it is refused (then it counts nothing).
   */
  public boolean admit(String address) {
    return failures.admit(limits(address));
  }

  /**
   * The attempt admitted last from this address had a right number: it is taken back from the
   * count. Nothing more: earlier wrong numbers still count.
   */
  public void succeeded(String address) {
    failures.forgive(keys(address));
  }

  private static Map<String, Integer> limits(String address) {
    Map<String, Integer> limits = new LinkedHashMap<>();
    for (String key : keys(address)) {
      limits.put(key, limit(key));
    }
    return limits;
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
