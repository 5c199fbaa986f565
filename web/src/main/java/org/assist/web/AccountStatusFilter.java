package org.assist.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.assist.application.technician.NewTechnician;
import org.assist.application.technician.TechnicianService;

/**
 * Signs out a console user whose account was disabled (or removed) after they signed in, on every
 * path a console uses (pages, live updates, downloads): the sign-in is remembered in the HTTP
 * session, so without this a disabled technician could go on working until the session times out.
 * Notes each signed-in console for {@link SignedInSessions}.
 */
@WebFilter({"*.xhtml", "/push", "/runs/*", "/scripts/file"})
public class AccountStatusFilter extends HttpFilter {
  @Inject private TechnicianService technicians;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() == null) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession current = request.getSession();
    if (technicians.isCallerEnabled() && !SignedInSessions.isSignedOut(current.getId())) {
      SignedInSessions.remember(
          NewTechnician.normalizeUsername(request.getUserPrincipal().getName()), current.getId());
    } else {
      request.logout();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + "/login.xhtml");
      return;
    }
    chain.doFilter(request, response);
  }
}
