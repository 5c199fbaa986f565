package org.assist.domain.technician;

import java.util.Locale;

/** What a console account may do. Administrators are technicians too (see the role mapper). */
public enum Role {
  TECHNICIAN,
  ADMIN;

  /** The role name as the security realm and {@code @RolesAllowed} know it. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a role name such as {@code admin}; throws IllegalArgumentException for anything else. */
  public static Role fromRoleName(String name) {
    for (Role role : values()) {
      if (role.roleName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role " + name);
  }
}
