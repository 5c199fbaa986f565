package org.assist.web;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import org.assist.application.ForbiddenException;
import org.assist.application.NotFoundException;

/**
 * A page opened on something that does not exist or is not the caller's (an unknown session in the
 * address, another technician's script to edit) answers with the not-found or the forbidden page,
 * as the address deserves: a refusal, not a failure to log as an error. AJAX requests keep their
 * own handling (views tell the user beside the form).
 */
public class RefusedPages extends ExceptionHandlerFactory {
  public RefusedPages(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  /** The HTTP status a refusal deserves, or null for a real failure. */
  static Integer statusOf(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof NotFoundException) {
        return 404;
      }
      if (cause instanceof ForbiddenException || cause instanceof EJBAccessException) {
        return 403;
      }
    }
    return null;
  }

  /** Whether the refusal comes from a service that audits its refusals in its own words. */
  private static boolean auditedBy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ForbiddenException) {
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
      if (!context.getPartialViewContext().isAjaxRequest()) {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
          Throwable error = events.next().getContext().getException();
          Integer status = statusOf(error);
          if (status != null) {
            events.remove();
            if (auditedBy(error)) {
              context.getExternalContext().getRequestMap().put(ForbiddenView.AUDITED, true);
            }
            try {
              context.getExternalContext().responseSendError(status, null);
            } catch (IOException e) {
              throw new FacesException(e);
            }
            context.responseComplete();
          }
        }
      }
      getWrapped().handle();
    }
  }
}
