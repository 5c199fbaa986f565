package org.assist.web.account;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import org.assist.application.AuditLog;
import org.assist.application.technician.SignInThrottle;
import org.assist.application.technician.TechnicianService;
import org.assist.web.ClientAddress;

/**
 * Puts the console's sign-in form ({@code j_security_check}, handled by the server before any
 * servlet filter) under {@link SignInThrottle}, as the API's Basic sign-in is: a refused address or
 * account gets the sign-in failure page without its password being checked, and every outcome is
 * counted. Installed in front of the server's authentication (an Undertow extension, see {@code
 * META-INF/services}).
 */
public final class SignInGuard implements ServletExtension {
  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    deployment.addOuterHandlerChainWrapper(Guard::new);
  }

  private static final String CONSOLE = "console";

  private static final class Guard implements HttpHandler {
    private final HttpHandler next;

    Guard(HttpHandler next) {
      this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
      ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
      if (!Methods.POST.equals(exchange.getRequestMethod())
          || !exchange.getRequestPath().endsWith("/j_security_check")
          || servlet == null) {
        next.handleRequest(exchange);
        return;
      }
      // read through the servlet request, which keeps the form for the sign-in itself
      HttpServletRequest request = (HttpServletRequest) servlet.getServletRequest();
      String username = request.getParameter("j_username");
      String address = ClientAddress.of(request);
      SignInThrottle throttle = CDI.current().select(SignInThrottle.class).get();
      AuditLog audit = CDI.current().select(AuditLog.class).get();
      if (username == null || throttle.isRefused(username, address)) {
        if (username != null) {
          audit.recordSignIn(username, address, "sign-in.refused", CONSOLE);
        }
        exchange.setStatusCode(StatusCodes.SEE_OTHER);
        exchange
            .getResponseHeaders()
            .put(Headers.LOCATION, request.getContextPath() + "/login-failed.xhtml");
        exchange.endExchange();
        return;
      }
      exchange.addExchangeCompleteListener(
          (done, nextListener) -> {
            try {
              // a sign-in that worked redirects to the page asked for; one that failed shows the
              // failure page in place
              if (done.getStatusCode() / 100 == 3) {
                throttle.succeeded(username, address);
                audit.recordSignIn(username, address, "sign-in", CONSOLE);
                CDI.current().select(TechnicianService.class).get().signedIn(username);
              } else {
                throttle.failed(username, address);
                audit.recordSignIn(username, address, "sign-in.failed", CONSOLE);
              }
            } finally {
              nextListener.proceed();
            }
          });
      next.handleRequest(exchange);
    }
  }
}
