package org.assist.application.technician;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.assist.application.InvalidInputException;
import org.assist.domain.technician.Role;
import org.assist.domain.technician.Technician;
import org.assist.infrastructure.security.PasswordHasher;

/**
 * Creates the administrator {@code admin} on the first start, so there never is an unauthenticated
 * setup page. Its password comes from {@code ASSIST_ADMIN_PASSWORD} (or the system property {@code
 * assist.admin.password}); when neither is set, one is generated and printed once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {
  static final String USERNAME = "admin";
  private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @PersistenceContext private EntityManager em;

  @PostConstruct
  void ensureAdministrator() {
    long administrators =
        em.createNamedQuery("Technician.countByRole", Long.class)
            .setParameter("role", Role.ADMIN)
            .getSingleResult();
    if (administrators > 0) {
      return;
    }
    String password = configuredPassword();
    boolean generated = password == null;
    if (generated) {
      password = generatePassword();
    }
    em.persist(
        new Technician(USERNAME, "Administrator", PasswordHasher.hash(password), Role.ADMIN));
    if (generated) {
      // Printed once, on purpose: it is the only way in when no password was configured.
      LOG.warning(
          "First administrator '"
              + USERNAME
              + "' created with the generated password "
              + password
              + " ; sign in and change it, or set ASSIST_ADMIN_PASSWORD before the first start.");
    } else {
      LOG.info("First administrator '" + USERNAME + "' created from ASSIST_ADMIN_PASSWORD.");
    }
  }

  private static String configuredPassword() {
    String password = System.getenv("ASSIST_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      password = System.getProperty("assist.admin.password");
    }
    if (password == null || password.isBlank()) {
      return null;
    }
    try {
      NewTechnician.checkPassword(password);
      return password;
    } catch (InvalidInputException e) {
      LOG.severe(
          "ASSIST_ADMIN_PASSWORD breaks the password rules (at least "
              + NewTechnician.MIN_PASSWORD_LENGTH
              + " characters): a password is generated instead.");
      return null;
    }
  }

  static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
