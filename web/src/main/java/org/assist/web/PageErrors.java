package org.assist.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import org.assist.application.ForbiddenException;
import org.assist.application.NotFoundException;

/**
 * A page's request that ends in an exception which is no failure, answered as it deserves, with
 * nothing logged as an error:
 *
 * <ul>
 *   <li>a page opened on something that does not exist or is not the caller's (an unknown session
 *       in the address, another technician's script to edit): the not-found or the forbidden page.
 *       AJAX requests keep their own handling (views tell the user beside the form);
 *   <li>a form sent from a page the server no longer holds (the sign-in ended, the server
 *       restarted, the page stayed open for hours), AJAX too: the page again, by its address.
 * </ul>
 */
public class PageErrors extends ExceptionHandlerFactory {
  public PageErrors(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  /** The HTTP status a refusal deserves, or null for a real failure. */
  static Integer statusOf(Throwable error) {
    if (causedBy(error, NotFoundException.class)) {
      return 404;
    }
    if (causedBy(error, ForbiddenException.class) || causedBy(error, EJBAccessException.class)) {
      return 403;
    }
    return null;
  }

  /** Whether the page's view was gone when its form came back. */
  static boolean isExpired(Throwable error) {
    return causedBy(error, ViewExpiredException.class);
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> kind) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext context = FacesContext.getCurrentInstance();
      boolean ajax = context.getPartialViewContext().isAjaxRequest();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable error = events.next().getContext().getException();
        Integer status = ajax ? null : statusOf(error);
        try {
          if (isExpired(error)) {
            events.remove();
            reopen(context);
          } else if (status != null) {
            events.remove();
            if (causedBy(error, ForbiddenException.class)) {
              // the service audited the refusal in its own words
              context.getExternalContext().getRequestMap().put(ForbiddenView.AUDITED, true);
            }
            context.getExternalContext().responseSendError(status, null);
            context.responseComplete();
          }
        } catch (IOException e) {
          throw new FacesException(e);
        }
      }
      getWrapped().handle();
    }

    /** Sends the browser to the page's own address on this server, never one a request names. */
    private static void reopen(FacesContext context) throws IOException {
      if (context.getResponseComplete()) {
        return;
      }
      ExternalContext external = context.getExternalContext();
      HttpServletRequest request = (HttpServletRequest) external.getRequest();
      String query = request.getQueryString();
      external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
      context.responseComplete();
    }
  }
}
