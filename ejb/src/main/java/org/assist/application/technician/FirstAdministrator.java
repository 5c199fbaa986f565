package org.assist.application.technician;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.assist.application.InvalidInputException;
import org.assist.domain.technician.Role;
import org.assist.domain.technician.Technician;
import org.assist.infrastructure.security.PasswordHasher;

/**
 * Creates the administrator {@code admin} on the first start, so there never is an unauthenticated
 * setup page. Its password comes from {@code ASSIST_ADMIN_PASSWORD} (or the system property {@code
 * assist.admin.password}); when neither is set, one is generated, written to {@link
 * #passwordFile()} (never to the log) and must be changed at the first sign-in.
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
    Technician admin =
        new Technician(USERNAME, "Administrator", PasswordHasher.hash(password), Role.ADMIN);
    em.persist(admin);
    if (generated) {
      // never in the log: in a file only the server's account reads, gone once it is changed
      admin.requirePasswordChange();
      Path file = passwordFile();
      try {
        write(file, password);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write the first administrator's password", e);
      }
      LOG.warning(
          "First administrator '"
              + USERNAME
              + "' created with a generated password, which is in "
              + file
              + " (readable by this server's account only). Sign in with it and choose your own:"
              + " it must be changed first. Or set ASSIST_ADMIN_PASSWORD before the first start.");
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

  /** Where a generated first password is kept until its account changes it. */
  static Path passwordFile() {
    return Path.of(
        System.getProperty("jboss.server.data.dir", "."), "assist", "first-admin-password.txt");
  }

  /** The generated password is no longer needed: its account chose its own. */
  static void forgetPassword() {
    try {
      Files.deleteIfExists(passwordFile());
    } catch (IOException e) {
      LOG.warning("cannot delete " + passwordFile() + ": " + e.getMessage());
    }
  }

  private static void write(Path file, String password) throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
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
