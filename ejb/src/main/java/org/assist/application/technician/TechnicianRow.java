package org.assist.application.technician;

import java.time.Instant;
import org.assist.domain.technician.Technician;

/**
 * A console account as pages and the API show it: never with its password hash.
 *
 * @param role {@code technician} or {@code admin}
 */
public record TechnicianRow(
    long id, String username, String displayName, String role, boolean enabled, Instant createdAt) {
  static TechnicianRow of(Technician technician) {
    return new TechnicianRow(
        technician.getId(),
        technician.getUsername(),
        technician.getDisplayName(),
        technician.getRole().roleName(),
        technician.isEnabled(),
        technician.getCreatedAt());
  }
}
