package org.assist.application.technician;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.assist.application.InvalidInputException;
import org.assist.domain.technician.Role;

/**
 * What an administrator enters to add a console account, and the rules it must follow. The password
 * is held only until it is hashed.
 */
public record NewTechnician(String username, String displayName, String password, String role) {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  public static final int MIN_PASSWORD_LENGTH = 8;
  // bcrypt reads at most 72 bytes: a longer password would be silently cut
  private static final int MAX_PASSWORD_BYTES = 72;

  /** User names are compared case-insensitively, as the sign-in realm does. */
  public static String normalizeUsername(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  public String normalizedUsername() {
    return normalizeUsername(username);
  }

  public String normalizedDisplayName() {
    return displayName == null ? "" : displayName.strip();
  }

  /** Throws InvalidInputException naming the first field that breaks a rule. */
  public Role validate() {
    if (!USERNAME.matcher(normalizedUsername()).matches()) {
      throw new InvalidInputException("technician.username.invalid", "username");
    }
    checkDisplayName(displayName);
    checkPassword(password);
    return roleOf(role);
  }

  /** The display name's rules, shared by new accounts and changes: returns it stripped. */
  public static String checkDisplayName(String displayName) {
    String name = displayName == null ? "" : displayName.strip();
    // no markup either: the customer's agent shows the name in its own window
    if (name.isEmpty()
        || name.length() > 128
        || name.chars().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
      throw new InvalidInputException("technician.displayName.invalid", "displayName");
    }
    return name;
  }

  /** The role of its name ({@code technician}, {@code admin}). */
  public static Role roleOf(String role) {
    try {
      return Role.fromRoleName(role == null ? "" : role.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("technician.role.invalid", "role");
    }
  }

  /** The password rules, shared by new accounts and password changes. */
  public static void checkPassword(String password) {
    if (password == null
        || password.length() < MIN_PASSWORD_LENGTH
        || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new InvalidInputException(
          "technician.password.invalid", "password", MIN_PASSWORD_LENGTH, MAX_PASSWORD_BYTES);
    }
  }

  @Override
  public String toString() {
    return "NewTechnician[" + username + ", " + role + "]";
  }
}
