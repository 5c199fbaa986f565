package org.assist.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void hashIsBcryptInModularCryptFormThatTheRealmReads() {
    String hash = PasswordHasher.hash("correct horse");
    assertTrue(hash.matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}"), hash);
  }

  @Test
  void verifiesOnlyTheRightPassword() {
    String hash = PasswordHasher.hash("correct horse");
    assertTrue(PasswordHasher.matches("correct horse", hash));
    assertFalse(PasswordHasher.matches("correct horsE", hash));
    assertFalse(PasswordHasher.matches(null, hash));
    assertFalse(PasswordHasher.matches("correct horse", "not a hash"));
  }

  @Test
  void sameWordTwiceGivesDifferentHashes() {
    assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
  }
}
