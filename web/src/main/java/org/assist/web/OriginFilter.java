package org.assist.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.assist.application.RequestOrigin;

/** Tells the services where each request comes from, for the audit log. */
@WebFilter(value = "/*", asyncSupported = true)
public class OriginFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject private RequestOrigin origin;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    origin.address(ClientAddress.of(request));
    chain.doFilter(request, response);
  }
}
