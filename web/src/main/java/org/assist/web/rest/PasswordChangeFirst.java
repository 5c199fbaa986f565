package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.assist.application.ForbiddenException;
import org.assist.application.Roles;
import org.assist.application.technician.TechnicianService;
import org.assist.application.technician.TechnicianService.AccountState;

/**
 * An account whose password was generated may call nothing but {@link AccountResource#PASSWORD}
 * until it has chosen its own (403 saying so), as its console shows only its account page; a
 * directory account disabled in Assist may call nothing.
 */
@Provider
public class PasswordChangeFirst implements ContainerRequestFilter {
  /**
   * The request attribute where {@link ApiAuthenticationFilter} leaves the account's state it read
   * while checking the password, so that a call reads the account once.
   */
  static final String ACCOUNT_STATE = PasswordChangeFirst.class.getName() + ".accountState";

  @Inject private TechnicianService technicians;
  @Context private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath().replaceFirst("^/", "");
    if (request.getSecurityContext().getUserPrincipal() == null
        || path.equals(AccountResource.PASSWORD)) {
      return;
    }
    if (!request.getSecurityContext().isUserInRole(Roles.TECHNICIAN)) {
      // no role in Assist (a directory user in none of its groups): no account to look at
      throw new ForbiddenException("api.forbidden");
    }
    AccountState state =
        servletRequest.getAttribute(ACCOUNT_STATE) instanceof AccountState read
            ? read
            : technicians.callerState();
    if (state == AccountState.DISABLED) {
      // a directory account an administrator disabled in Assist (the directory still knows it)
      throw new ForbiddenException("api.accountDisabled");
    }
    if (state == AccountState.PASSWORD_TO_CHANGE) {
      throw new ForbiddenException("api.passwordToChange");
    }
  }
}
