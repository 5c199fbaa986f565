package org.assist.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.assist.application.InvalidInputException;
import org.assist.application.audit.AuditFilter;
import org.assist.application.audit.AuditService;
import org.assist.web.Days;
import org.assist.web.LanguageView;

/**
 * {@code /admin/audit-export?actor=&action=&q=&from=&to=} (administrators, as all of {@code
 * /admin}): the audit log as searched, as a CSV file.
 */
@WebServlet("/admin/audit-export")
public class AuditExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient AuditService audit;
  @Inject private transient LanguageView language;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AuditFilter filter;
    try {
      filter =
          new AuditFilter(
              request.getParameter("actor"),
              request.getParameter("action"),
              request.getParameter("q"),
              Days.of("from", request.getParameter("from")),
              Days.of("to", request.getParameter("to")));
    } catch (InvalidInputException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"assist-audit.csv\"");
    Writer out = response.getWriter();
    AuditCsv.write(language.getLocale(), audit.list(filter, 0, AuditService.MAX_PAGE), out);
  }
}
