package org.assist.web.run;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.assist.application.AssistException;
import org.assist.application.run.RunDetails;
import org.assist.application.run.RunService;

/**
 * {@code /runs/output?step=ID}: a script's whole kept output as a text download, stderr lines
 * marked, for a technician who may see the session.
 */
@WebServlet("/runs/output")
public class RunOutputServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient RunService runs;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    java.util.List<RunDetails.Output> output;
    try {
      output = runs.output(Long.parseLong(request.getParameter("step")));
    } catch (NumberFormatException | AssistException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/plain; charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"output-"
            + request.getParameter("step").replaceAll("\\D", "")
            + ".txt\"");
    Writer out = response.getWriter();
    boolean stderr = false;
    for (RunDetails.Output chunk : output) {
      if (chunk.stderr() != stderr) {
        stderr = chunk.stderr();
        out.write(stderr ? "\n[stderr]\n" : "\n[stdout]\n");
      }
      out.write(chunk.text());
    }
  }
}
