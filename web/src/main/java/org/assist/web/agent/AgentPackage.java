package org.assist.web.agent;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assist.protocol.PreparedAgent;

/**
 * The agent as the customer portal hands it out: one zip with the agent's jar, its launchers, a
 * short read-me, and {@link PreparedAgent#FILE} naming this server, its identity and the session,
 * so that the agent joins by itself and trusts this server only.
 */
final class AgentPackage {
  /** Where the build puts the agent in the web application. */
  private static final String FOLDER = "/WEB-INF/agent/";

  private static final List<String> FILES =
      List.of("assist-agent.jar", "assist-agent.sh", "assist-agent.cmd");

  private AgentPackage() {}

  /** The zip's name for this session. */
  static String fileName(String digits) {
    return "assist-agent-" + digits + ".zip";
  }

  static void write(ServletContext web, PreparedAgent prepared, OutputStream out)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    String folder = "assist-agent-" + prepared.number() + "/";
    for (String name : FILES) {
      try (InputStream file = web.getResourceAsStream(FOLDER + name)) {
        if (file == null) {
          throw new IllegalStateException(
              "this server was built without its agent (" + FOLDER + name + ")");
        }
        zip.putNextEntry(new ZipEntry(folder + name));
        file.transferTo(zip);
        zip.closeEntry();
      }
    }
    add(zip, folder + PreparedAgent.FILE, prepared.toProperties());
    try (InputStream readMe = AgentPackage.class.getResourceAsStream("README.txt")) {
      zip.putNextEntry(new ZipEntry(folder + "README.txt"));
      readMe.transferTo(zip);
      zip.closeEntry();
    }
    zip.finish();
  }

  private static void add(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
