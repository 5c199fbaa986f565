package org.assist.web.script;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.assist.application.script.UploadedFile;

/** Script files sent to a browser or an integration: always an attachment, never rendered. */
public final class ScriptFiles {
  private ScriptFiles() {}

  /** Writes a file as a download under its sanitized name, with its SHA-256 in a header. */
  public static void send(HttpServletResponse response, UploadedFile file) throws IOException {
    String name = file.safeName();
    response.setContentType("application/octet-stream");
    response.setContentLength(file.size());
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + name.replaceAll("[^A-Za-z0-9._ ()-]", "_")
            + "\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    response.setHeader("X-Checksum-SHA256", file.sha256());
    response.getOutputStream().write(file.content());
  }
}
