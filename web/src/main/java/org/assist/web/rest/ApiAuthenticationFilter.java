package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assist.application.AuditLog;
import org.assist.application.technician.SignInThrottle;
import org.assist.application.technician.TechnicianService;
import org.assist.application.technician.TechnicianService.SignInState;
import org.assist.protocol.AgentPaths;
import org.assist.web.ClientAddress;
import org.assist.web.Messages;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * HTTP Basic for the REST API, against the same Elytron domain as the console's sign-in (same
 * accounts, same bcrypt hashes, same {@link SignInThrottle} as the console; a password proved
 * moments ago is recognised by {@link VerifiedCredentials} without a second bcrypt check). It
 * answers 401 with a JSON message instead of the console's sign-in form, and runs the request as
 * the authenticated identity so the services' {@code @RolesAllowed} checks apply unchanged.
 */
@WebFilter(value = "/api/*", asyncSupported = true)
public class ApiAuthenticationFilter extends HttpFilter {
  private static final String BASIC = "Basic ";

  @Inject private VerifiedCredentials verified;
  @Inject private SignInThrottle throttle;
  @Inject private AuditLog audit;
  @Inject private TechnicianService technicians;

  /** When each account's API sign-in was last noted: at most once a minute, not per call. */
  private static final Map<String, Instant> NOTED = new ConcurrentHashMap<>();

  private void noteSignIn(String username) {
    Instant now = Instant.now();
    Instant last = NOTED.get(username);
    if (last == null || last.isBefore(now.minusSeconds(60))) {
      NOTED.put(username, now);
      technicians.signedIn(username);
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // agents are not console accounts: their endpoints authenticate them in their own way
    // nor is the API's own description (it holds no data)
    if (request.getRequestURI().startsWith(AgentPaths.ROOT)
        || request.getRequestURI().equals(request.getContextPath() + "/api/openapi")) {
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      refuse(request, response, "api.unauthorized");
      return;
    }
    String[] credentials = BasicCredentials.decode(header);
    String address = ClientAddress.of(request);
    if (credentials == null || throttle.isRefused(credentials[0], address)) {
      if (credentials != null) {
        audit.recordSignIn(credentials[0], address, "sign-in.refused", "api");
      }
      refuse(request, response, "api.badCredentials");
      return;
    }
    VerifiedCredentials.Proved proved = authenticate(credentials);
    if (proved == null) {
      throttle.failed(credentials[0], address);
      audit.recordSignIn(credentials[0], address, "sign-in.failed", "api");
      refuse(request, response, "api.badCredentials");
      return;
    }
    throttle.succeeded(credentials[0], address);
    noteSignIn(credentials[0]);
    SecurityIdentity identity = proved.identity();
    if (proved.account() != null) {
      request.setAttribute(PasswordChangeFirst.ACCOUNT_STATE, proved.account());
    }
    try {
      identity.runAs(
          (PrivilegedExceptionAction<Void>)
              () -> {
                chain.doFilter(new AuthenticatedRequest(request, identity), response);
                return null;
              });
    } catch (PrivilegedActionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof ServletException servlet) {
        throw servlet;
      }
      throw new ServletException(e.getCause());
    }
  }

  /** The identity the credentials prove, and its account's state; null when they prove none. */
  private VerifiedCredentials.Proved authenticate(String[] credentials) throws ServletException {
    VerifiedCredentials.Proved known = verified.find(credentials[0], credentials[1]);
    if (known != null) {
      return known;
    }
    SignInState state = verified.stateOf(credentials[0]);
    try {
      SecurityIdentity identity =
          SecurityDomain.getCurrent()
              .authenticate(
                  credentials[0], new PasswordGuessEvidence(credentials[1].toCharArray()));
      if (identity == null) {
        verified.forget(credentials[0]);
        return null;
      }
      verified.remember(credentials[0], credentials[1], state, identity);
      return new VerifiedCredentials.Proved(identity, state == null ? null : state.account());
    } catch (SecurityException e) {
      verified.forget(credentials[0]);
      return null;
    } catch (RealmUnavailableException e) {
      throw new ServletException("the account database is unavailable", e);
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String key)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    // a browser that got a Basic challenge keeps the credentials typed into its prompt and sends
    // them with whatever another site makes it request: browsers get no challenge
    if (request.getHeader("Sec-Fetch-Mode") == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Assist\", charset=\"UTF-8\"");
    }
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(new ErrorJson(Messages.text(request.getLocale(), key), null).toJson());
  }

  /** The request as the API resources see it: with the authenticated caller and roles. */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final SecurityIdentity identity;

    AuthenticatedRequest(HttpServletRequest request, SecurityIdentity identity) {
      super(request);
      this.identity = identity;
    }

    @Override
    public Principal getUserPrincipal() {
      return identity.getPrincipal();
    }

    @Override
    public String getRemoteUser() {
      return identity.getPrincipal().getName();
    }

    @Override
    public boolean isUserInRole(String role) {
      return identity.getRoles().contains(role);
    }

    @Override
    public String getAuthType() {
      return HttpServletRequest.BASIC_AUTH;
    }
  }
}
