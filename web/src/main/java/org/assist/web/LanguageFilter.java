package org.assist.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Applies the language switch ({@code ?lang=fr} on any page) and remembers it in a cookie. */
@WebFilter("*.xhtml")
public class LanguageFilter extends HttpFilter {
  private static final int ONE_YEAR = 365 * 24 * 3600;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // from the address only: reading a parameter would read a form's body before its encoding is
    // known (and garble a multipart form's text)
    String chosen = fromQuery(request.getQueryString());
    if (chosen != null && LanguageView.SUPPORTED.contains(chosen)) {
      Cookie cookie = new Cookie(LanguageView.COOKIE, chosen);
      cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
      cookie.setMaxAge(ONE_YEAR);
      cookie.setHttpOnly(true);
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
      request.setAttribute(LanguageView.COOKIE, chosen);
    }
    chain.doFilter(request, response);
  }

  private static String fromQuery(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(LanguageView.PARAMETER + "=")) {
        return pair.substring(LanguageView.PARAMETER.length() + 1);
      }
    }
    return null;
  }
}
