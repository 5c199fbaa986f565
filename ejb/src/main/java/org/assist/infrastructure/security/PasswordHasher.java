package org.assist.infrastructure.security;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Hashes passwords with Elytron's own bcrypt, in the modular crypt form ({@code $2a$...}) that the
 * server's jdbc-realm reads back at sign-in, so both sides agree by construction.
 */
public final class PasswordHasher {
  /** bcrypt cost: 2^10 rounds, about 60 ms per check on the build machine. */
  public static final int COST = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  public static String hash(String password) {
    byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
    RANDOM.nextBytes(salt);
    try {
      Password hashed =
          factory()
              .generatePassword(
                  new EncryptablePasswordSpec(
                      password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(COST, salt)));
      return ModularCrypt.encodeAsString(hashed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bcrypt is not available", e);
    }
  }

  /** True if the password is the one the hash was made from. */
  public static boolean matches(String password, String hash) {
    if (password == null || hash == null) {
      return false;
    }
    try {
      PasswordFactory factory = factory();
      Password stored = factory.translate(ModularCrypt.decode(hash));
      return factory.verify(stored, password.toCharArray());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PasswordFactory factory() throws GeneralSecurityException {
    return PasswordFactory.getInstance(
        BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
  }
}
