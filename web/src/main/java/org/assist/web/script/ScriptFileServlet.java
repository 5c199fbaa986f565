package org.assist.web.script;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.assist.application.AssistException;
import org.assist.application.script.ScriptService;
import org.assist.application.script.UploadedFile;

/**
 * {@code /scripts/file?version=ID&part=executable|input}: downloads a file of a script version the
 * technician may see, as an attachment under its sanitized name, never rendered.
 */
@WebServlet("/scripts/file")
public class ScriptFileServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient ScriptService scripts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long version;
    try {
      version = Long.parseLong(request.getParameter("version"));
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    UploadedFile file;
    try {
      file = scripts.file(version, "input".equals(request.getParameter("part")));
    } catch (AssistException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ScriptFiles.send(response, file);
  }
}
