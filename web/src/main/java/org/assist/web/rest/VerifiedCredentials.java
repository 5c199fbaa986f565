package org.assist.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assist.application.technician.TechnicianService;
import org.assist.application.technician.TechnicianService.AccountState;
import org.assist.application.technician.TechnicianService.SignInState;
import org.assist.infrastructure.Lru;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * Remembers REST callers whose password was checked lately, so that a ticketing tool calling the
 * API again and again costs one bcrypt check (60 to 90 ms of a core, during which its call waits)
 * per {@link #KEEP} instead of one per call. No password is kept: only an HMAC of user name and
 * password under a key that exists in this server's memory alone. A remembered check counts only
 * while the account's password hash, role and enabled flag are what they were when the password was
 * checked (read again at every call), so a changed password or a disabled account takes effect at
 * once. A directory's account changes where that fingerprint cannot see (its password, its groups):
 * its check is remembered for {@link #KEEP_DIRECTORY} only. Wrong passwords are never remembered,
 * always go through the full check and its lock-out, and make the user's remembered check
 * forgotten.
 */
@ApplicationScoped
public class VerifiedCredentials {
  /** How long a local account's check counts: every change to it is seen at the next call. */
  static final Duration KEEP = Duration.ofMinutes(10);

  /** How long a directory account's check counts: the directory may change it unseen. */
  static final Duration KEEP_DIRECTORY = Duration.ofSeconds(30);

  private record Entry(byte[] proof, String fingerprint, SecurityIdentity identity, long until) {}

  /**
   * An identity its password proved, and what its account may do now (null: ask {@link
   * TechnicianService#callerState()}), read with the one lookup of the account a call makes.
   */
  record Proved(SecurityIdentity identity, AccountState account) {}

  @Inject private TechnicianService technicians;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries = Lru.map(1_000);
  private final LongSupplier nanoTime;

  public VerifiedCredentials() {
    this(null, System::nanoTime);
  }

  /** The same with these accounts (injected when null), on this clock (a test's). */
  VerifiedCredentials(TechnicianService technicians, LongSupplier nanoTime) {
    this.technicians = technicians;
    this.nanoTime = nanoTime;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    key = new SecretKeySpec(random, "HmacSHA256");
  }

  /** The identity these credentials proved lately, if still good; or null. */
  Proved find(String username, String password) {
    String user = username.toLowerCase(Locale.ROOT);
    Entry entry = entries.get(user);
    if (entry == null
        || nanoTime.getAsLong() - entry.until() > 0
        || !MessageDigest.isEqual(entry.proof(), proof(user, password))) {
      return null;
    }
    SignInState now = technicians.signInState(user);
    if (now == null || !entry.fingerprint().equals(now.fingerprint())) {
      entries.remove(user);
      return null;
    }
    return new Proved(entry.identity(), now.account());
  }

  /** What signing in as this user depends on now: read it before checking the password. */
  SignInState stateOf(String username) {
    return technicians.signInState(username);
  }

  /** The password proved {@code identity}, for the account as it was in {@code stateBefore}. */
  void remember(
      String username, String password, SignInState stateBefore, SecurityIdentity identity) {
    if (stateBefore != null && identity != null) {
      String user = username.toLowerCase(Locale.ROOT);
      entries.put(
          user,
          new Entry(
              proof(user, password),
              stateBefore.fingerprint(),
              identity,
              nanoTime.getAsLong()
                  + (stateBefore.account() == null ? KEEP_DIRECTORY : KEEP).toNanos()));
    }
  }

  /**
   * A wrong password was given for this user: their remembered check no longer counts, so that the
   * lock-out after repeated wrong passwords refuses the right one too.
   */
  void forget(String username) {
    entries.remove(username.toLowerCase(Locale.ROOT));
  }

  private byte[] proof(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
