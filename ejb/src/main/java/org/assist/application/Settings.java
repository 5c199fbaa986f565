package org.assist.application;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Operating settings read from the server's environment (or system properties of the same name in
 * lower case with dots: {@code ASSIST_JOIN_MINUTES} or {@code assist.join.minutes}). Those an
 * administrator may change while the server runs are {@link org.assist.application.policy.Policy
 * policies}: these variables give their first values.
 */
public final class Settings {
  private static final Logger LOG = Logger.getLogger(Settings.class.getName());

  /**
   * The wrong value each setting was last warned about: some are read at every agent's join, and a
   * wrong value is said once, not once a join.
   */
  private static final Map<String, String> WARNED = new ConcurrentHashMap<>();

  private Settings() {}

  /** How long a restarting computer may take to come back before its session says so. */
  public static Duration restartTimeout() {
    return Duration.ofMinutes(number("ASSIST_RESTART_TIMEOUT_MINUTES", 10));
  }

  /** How long logging in as another account is refused after three wrong passwords in a row. */
  public static Duration logInBlock() {
    return Duration.ofMinutes(number("ASSIST_LOG_IN_BLOCK_MINUTES", 15));
  }

  /**
   * How long a technician's consoles may all stay closed before their log-ins as other accounts on
   * customers' computers are logged off.
   */
  public static Duration consoleGrace() {
    return Duration.ofSeconds(number("ASSIST_CONSOLE_GRACE_SECONDS", 60));
  }

  /** Wrong session numbers one address may try before it is refused for a while. */
  public static int joinAttempts() {
    return (int) number("ASSIST_JOIN_ATTEMPTS", 20);
  }

  /** How long an address that guessed too many wrong numbers is refused. */
  public static Duration joinLockout() {
    return Duration.ofMinutes(number("ASSIST_JOIN_LOCKOUT_MINUTES", 10));
  }

  /**
   * The reverse proxies in front of the server ({@code ASSIST_TRUSTED_PROXIES}, addresses separated
   * by commas): only their {@code X-Forwarded-For} is believed.
   */
  public static java.util.Set<String> trustedProxies() {
    String value = text("ASSIST_TRUSTED_PROXIES");
    return value == null
        ? java.util.Set.of()
        : java.util.Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * The PKCS#12 file of the server's command-signing keys: {@code assist-signing.p12} in the
   * server's configuration folder, beside its TLS key store.
   */
  public static java.nio.file.Path signingKeyFile() {
    return java.nio.file.Path.of(
        System.getProperty("jboss.server.config.dir", "."), "assist-signing.p12");
  }

  /** The password of {@link #signingKeyFile()} ({@code ASSIST_SIGNING_PASSWORD}). */
  public static char[] signingKeyPassword() {
    return password("ASSIST_SIGNING_PASSWORD", "assist-signing");
  }

  /**
   * The key store an administrator puts beside the TLS one before replacing it ({@code
   * assist-tls-next.p12}): its certificate is announced to agents with the next renewal of keys.
   */
  public static java.nio.file.Path nextTlsKeyStore() {
    return java.nio.file.Path.of(
        System.getProperty("jboss.server.config.dir", "."), "assist-tls-next.p12");
  }

  /** The password of the TLS key stores ({@code ASSIST_TLS_PASSWORD}). */
  public static char[] tlsPassword() {
    return password("ASSIST_TLS_PASSWORD", "assist-tls");
  }

  private static char[] password(String name, String fallback) {
    String value = text(name);
    return (value == null || value.isEmpty() ? fallback : value).toCharArray();
  }

  private static String text(String name) {
    String value = System.getenv(name);
    return value != null ? value : System.getProperty(name.toLowerCase().replace('_', '.'));
  }

  /**
   * The port agents are told to reach the broker at, where a firewall or address translation in
   * front of the server forwards another port number to the broker's ({@code
   * ASSIST_BROKER_PUBLIC_PORT}); 0 where it is not set or not a port: the one the server bound.
   */
  public static int brokerPublicPort() {
    long port = number("ASSIST_BROKER_PUBLIC_PORT", 0);
    if (port > 65_535) {
      warnOnce("ASSIST_BROKER_PUBLIC_PORT", port + " is not a port; using the bound one");
      return 0;
    }
    return (int) port;
  }

  /** How long an agent told the server is busy waits before it tries again, at least. */
  public static int busyRetrySeconds() {
    return (int) Math.min(3600, number("ASSIST_BUSY_RETRY_SECONDS", 30));
  }

  public static long number(String name, long fallback) {
    String value = text(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    warnOnce(name, value + " is not a positive number; using " + fallback);
    return fallback;
  }

  /** Warns that {@code name} is wrong ({@code problem} begins with its value), once per value. */
  private static void warnOnce(String name, String problem) {
    if (!problem.equals(WARNED.put(name, problem))) {
      LOG.warning(name + "=" + problem);
    }
  }
}
