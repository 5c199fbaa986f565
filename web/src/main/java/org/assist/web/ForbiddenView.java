package org.assist.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.assist.application.AuditLog;

/**
 * The forbidden page writes the refusal it shows to the audit log: a technician who opened an
 * administration page, or a page whose service refused the caller. A refusal its service already
 * audited with its own words (another's script to edit) is not written twice.
 */
@Named
@RequestScoped
public class ForbiddenView {
  /** Set on the request by whoever audited the refusal already. */
  static final String AUDITED = "assist.refusal.audited";

  @Inject private HttpServletRequest request;
  @Inject private AuditLog audit;

  public void record() {
    Object page = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (page != null && request.getAttribute(AUDITED) == null) {
      String path = page.toString().substring(request.getContextPath().length());
      audit.recordRefusal("page " + path, null, null);
    }
  }
}
