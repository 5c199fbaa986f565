package org.assist.web.rest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assist.application.technician.TechnicianService;
import org.assist.application.technician.TechnicianService.AccountState;
import org.assist.application.technician.TechnicianService.SignInState;
import org.junit.jupiter.api.Test;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.auth.server.SecurityRealm;

class VerifiedCredentialsTest {
  /** Accounts as the database would say, by user name. */
  private final Map<String, SignInState> accounts = new HashMap<>();

  private long now = 1_000;

  private final VerifiedCredentials verified =
      new VerifiedCredentials(
          new TechnicianService() {
            @Override
            public SignInState signInState(String username) {
              return accounts.get(username);
            }
          },
          () -> now);

  private final SecurityIdentity identity =
      SecurityDomain.builder()
          .addRealm("none", SecurityRealm.EMPTY_REALM)
          .build()
          .setDefaultRealmName("none")
          .build()
          .createAdHocIdentity("x");

  private void proved(String user, SignInState state) {
    accounts.put(user, state);
    verified.remember(user, "pass wörd", state, identity);
  }

  private void later(Duration by) {
    now += by.toNanos();
  }

  @Test
  void localAccountIsRememberedForItsWholeKeep() {
    proved("alice", new SignInState("f1", AccountState.ACTIVE));
    later(VerifiedCredentials.KEEP.minusSeconds(1));
    assertNotNull(verified.find("Alice", "pass wörd"));
    assertNull(verified.find("alice", "pass word"), "another password");
    later(Duration.ofSeconds(2));
    assertNull(verified.find("alice", "pass wörd"), "past its keep: checked with bcrypt again");
  }

  @Test
  void directoryAccountIsRememberedBriefly() {
    proved("bob", new SignInState("f2", null));
    later(VerifiedCredentials.KEEP_DIRECTORY.minusSeconds(1));
    assertNotNull(verified.find("bob", "pass wörd"));
    later(Duration.ofSeconds(2));
    assertNull(verified.find("bob", "pass wörd"), "the directory may have changed it unseen");
  }

  @Test
  void changedAccountIsCheckedAgainAtOnce() {
    proved("carol", new SignInState("f3", AccountState.ACTIVE));
    accounts.put("carol", new SignInState("f3 changed", AccountState.ACTIVE));
    assertNull(verified.find("carol", "pass wörd"));
    accounts.put("carol", new SignInState("f3", AccountState.ACTIVE));
    assertNull(verified.find("carol", "pass wörd"), "forgotten once seen changed");
  }

  @Test
  void wrongPasswordForgetsTheRememberedCheck() {
    proved("dave", new SignInState("f4", AccountState.ACTIVE));
    verified.forget("DAVE");
    assertNull(verified.find("dave", "pass wörd"));
  }
}
