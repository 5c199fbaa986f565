package org.assist.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.assist.application.technician.NewTechnician;

/** Reads the caller from the EJB container for {@link Caller}. */
@Stateless
@PermitAll
public class CallerLookup {
  /** The caller as every service sees it. */
  public record Identity(String name, boolean admin) {}

  @Resource private SessionContext context;

  public Identity current() {
    return new Identity(
        NewTechnician.normalizeUsername(context.getCallerPrincipal().getName()),
        context.isCallerInRole(Roles.ADMIN));
  }
}
