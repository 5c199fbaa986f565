package org.assist.application;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Who is calling, the same for every service and page of one request: the signed-in technician's
 * user name, as the sign-in compares it (lower case), and whether they administer Assist. Read once
 * per request from the EJB container, which knows the caller of the console, the REST API and the
 * push socket alike.
 */
@Named
@RequestScoped
public class Caller {
  @Inject private CallerLookup lookup;
  private CallerLookup.Identity identity;

  /** The normalized user name; {@code anonymous} for a request without a signed-in account. */
  public String name() {
    return identity().name();
  }

  public boolean isAdmin() {
    return identity().admin();
  }

  /**
   * Whether the caller may see and change what this account owns (its sessions, its scripts): they
   * are that account, or they administer Assist.
   */
  public boolean mayActFor(String username) {
    return isAdmin() || name().equals(username);
  }

  private CallerLookup.Identity identity() {
    if (identity == null) {
      identity = lookup.current();
    }
    return identity;
  }
}
