package org.assist.web.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.assist.application.AssistException;
import org.assist.application.AuditLog;
import org.assist.application.ConflictException;
import org.assist.application.ForbiddenException;
import org.assist.application.NotFoundException;
import org.assist.application.ServerBusyException;
import org.assist.application.Settings;
import org.assist.application.TooLargeException;
import org.assist.application.agent.JoinRefusedException;
import org.assist.web.Messages;

/**
 * Every API error as JSON {@code {"message": ..., "field": ...}} with the status it deserves, in
 * the caller's language. Unexpected failures are logged and answered without their details.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  @Context private HttpServletRequest request;
  @Inject private AuditLog audit;

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof AssistException refusal) {
      Response answer =
          answer(statusOf(refusal), text(refusal.key(), refusal.args()), refusal.field());
      return refusal instanceof ServerBusyException
          ? Response.fromResponse(answer).header("Retry-After", Settings.busyRetrySeconds()).build()
          : answer;
    }
    if (error instanceof EJBAccessException) {
      audit.recordRefusal(
          request.getMethod()
              + " "
              + request.getRequestURI().substring(request.getContextPath().length()),
          null,
          null);
      return answer(Status.FORBIDDEN.getStatusCode(), text("api.forbidden"), null);
    }
    if (error instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      String message =
          status == 404 ? text("api.notFound") : text("api.malformed", web.getMessage());
      return answer(status, message, null);
    }
    if (error instanceof JsonException || error instanceof JsonbException) {
      return answer(400, text("api.malformed", text("api.notJson")), null);
    }
    if (error instanceof ProcessingException) {
      return answer(400, text("api.malformed", rootMessage(error)), null);
    }
    LOG.log(Level.SEVERE, "REST API failure", error);
    return answer(500, text("api.internal"), null);
  }

  private static int statusOf(AssistException refusal) {
    if (refusal instanceof ServerBusyException) {
      return 503;
    }
    if (refusal instanceof JoinRefusedException join) {
      return join.isThrottled() ? 429 : 404;
    }
    if (refusal instanceof NotFoundException) {
      return 404;
    }
    if (refusal instanceof ConflictException) {
      return 409;
    }
    if (refusal instanceof TooLargeException) {
      return 413;
    }
    if (refusal instanceof ForbiddenException) {
      return 403;
    }
    return 400;
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private String text(String key, Object... args) {
    return Messages.text(request.getLocale(), key, args);
  }

  private static Response answer(int status, String message, String field) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ErrorJson(message, field))
        .build();
  }
}
