package org.assist.web.rest;

import java.time.Instant;
import org.assist.domain.technician.Technician;

/** A console account as the REST API shows it: never with its password hash. */
public record TechnicianJson(
    long id, String username, String displayName, String role, boolean enabled, Instant createdAt) {

  static TechnicianJson of(Technician technician) {
    return new TechnicianJson(
        technician.getId(),
        technician.getUsername(),
        technician.getDisplayName(),
        technician.getRole().roleName(),
        technician.isEnabled(),
        technician.getCreatedAt());
  }
}
