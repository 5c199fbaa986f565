package org.assist.application.technician;

import java.time.Instant;
import org.assist.domain.technician.Technician;

/**
 * A console account as pages and the API show it: never with its password hash.
 *
 * @param role {@code technician} or {@code admin}
 * @param lastSignInAt null before the first sign-in
 * @param mustChangePassword its password was given by an administrator: it changes it first
 * @param directory an account of the company's directory (LDAP): its password is not Assist's
 */
public record TechnicianRow(
    long id,
    String username,
    String displayName,
    String role,
    boolean enabled,
    Instant createdAt,
    Instant lastSignInAt,
    boolean mustChangePassword,
    boolean directory) {
  static TechnicianRow of(Technician technician) {
    return new TechnicianRow(
        technician.getId(),
        technician.getUsername(),
        technician.getDisplayName(),
        technician.getRole().roleName(),
        technician.isEnabled(),
        technician.getCreatedAt(),
        technician.getLastSignInAt(),
        technician.mustChangePassword(),
        technician.isDirectory());
  }
}
