package org.assist.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.assist.application.Roles;
import org.assist.application.technician.NewTechnician;
import org.assist.application.technician.TechnicianService;
import org.assist.application.technician.TechnicianService.AccountState;

/**
 * Signs out a console user whose account was disabled (or removed) after they signed in, on every
 * path a console uses (pages, live updates, downloads): the sign-in is remembered in the HTTP
 * session, so without this a disabled technician could go on working until the session times out.
 * Notes each signed-in console for {@link SignedInSessions}. An account whose password was
 * generated sees only its account page until it has chosen its own. An account signed in with no
 * role in Assist is signed out at once.
 */
// on error pages too: a page a role forbids is refused before any filter, with its error page
@WebFilter(
    urlPatterns = {"*.xhtml", "/push", "/runs/*", "/scripts/file"},
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class AccountStatusFilter extends HttpFilter {
  private static final String ACCOUNT_PAGE = "/account.xhtml";

  @Inject private TechnicianService technicians;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!request.isUserInRole(Roles.TECHNICIAN)) {
      // signed in, but with no role in Assist (a directory user in none of its groups): nothing
      // here is theirs, so the sign-in ends and the sign-in page says why
      signOut(request);
      response.sendRedirect(request.getContextPath() + "/login-failed.xhtml");
      return;
    }
    HttpSession current = request.getSession();
    AccountState state = technicians.callerState();
    if (state != AccountState.DISABLED && !SignedInSessions.isSignedOut(current.getId())) {
      SignedInSessions.remember(
          NewTechnician.normalizeUsername(request.getUserPrincipal().getName()), current.getId());
      if (state == AccountState.PASSWORD_TO_CHANGE && !isAccountPage(request)) {
        // a generated password is changed before anything else
        if (request.getRequestURI().endsWith(".xhtml")) {
          response.sendRedirect(request.getContextPath() + ACCOUNT_PAGE);
        } else {
          response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
        return;
      }
    } else {
      signOut(request);
      response.sendRedirect(request.getContextPath() + "/login.xhtml");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void signOut(HttpServletRequest request) throws ServletException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** What an account with a password to change may use: its account page and its live updates. */
  private static boolean isAccountPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(ACCOUNT_PAGE) || path.equals("/push");
  }
}
