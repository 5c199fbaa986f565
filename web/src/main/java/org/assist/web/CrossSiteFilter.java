package org.assist.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses what another web site makes a technician's browser send to Assist: opening the live
 * updates' socket (it would read the technician's chat and scripts' output), and any API call that
 * changes something (the browser would add the technician's credentials). Browsers say where a
 * request comes from ({@code Sec-Fetch-Site}, or {@code Origin}); agents and integrations send
 * neither and are not concerned.
 */
@WebFilter(
    value = {"/push", "/api/*"},
    asyncSupported = true)
public class CrossSiteFilter extends HttpFilter {
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean socket = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    if ((socket || !READING.contains(request.getMethod())) && fromAnotherSite(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether a browser sent this on behalf of a page of another site. */
  static boolean fromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return !site.equals("same-origin") && !site.equals("none");
    }
    String origin = request.getHeader("Origin");
    return origin != null && !sameAuthority(origin, request.getHeader("Host"));
  }

  /** Whether the page's origin is this server as the browser addressed it (its Host). */
  static boolean sameAuthority(String origin, String host) {
    try {
      URI from = URI.create(origin);
      if (from.getHost() == null || host == null) {
        return false;
      }
      int defaultPort = "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
      int port = from.getPort() > 0 ? from.getPort() : defaultPort;
      String expected = host.strip().toLowerCase(Locale.ROOT);
      if (expected.lastIndexOf(':') <= expected.lastIndexOf(']')) {
        expected += ":" + defaultPort;
      }
      return expected.equals(from.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
