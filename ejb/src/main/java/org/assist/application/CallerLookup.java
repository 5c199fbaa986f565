package org.assist.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.assist.application.technician.NewTechnician;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.authz.Attributes;

/** Reads the caller from the EJB container for {@link Caller}. */
@Stateless
@PermitAll
public class CallerLookup {
  /** The caller as every service sees it. */
  public record Identity(String name, boolean admin) {}

  @Resource private SessionContext context;

  /**
   * An attribute the caller's sign-in realm gave: a directory account's {@code displayName}, read
   * from the directory. Null when there is none.
   */
  public String attribute(String name) {
    SecurityDomain domain = SecurityDomain.getCurrent();
    if (domain == null) {
      return null;
    }
    Attributes.Entry values = domain.getCurrentSecurityIdentity().getAttributes().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public Identity current() {
    return new Identity(
        NewTechnician.normalizeUsername(context.getCallerPrincipal().getName()),
        context.isCallerInRole(Roles.ADMIN));
  }
}
