package org.assist.web.report;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.assist.application.AssistException;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.web.LanguageView;

/**
 * {@code /sessions/report-export?id=N&format=txt|pdf}: a session's report as a file, in the
 * console's language, for a technician who may see the session (the API gives the same files).
 */
@WebServlet("/sessions/report-export")
public class ReportExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient SupportSessionService sessions;
  @Inject private transient LanguageView language;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String format = request.getParameter("format");
    if (!"txt".equals(format) && !"pdf".equals(format)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    ReportDocument.Export export;
    try {
      long id = Long.parseLong(request.getParameter("id"));
      SessionRow session = sessions.row(id);
      export =
          ReportDocument.of(language.getLocale(), session, sessions.report(id))
              .export(format, session);
    } catch (NumberFormatException | AssistException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(export.contentType());
    response.setHeader("Content-Disposition", export.disposition());
    response.setContentLength(export.bytes().length);
    response.getOutputStream().write(export.bytes());
  }
}
