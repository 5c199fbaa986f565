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

  /** The agent with its own runtime for Linux x64, when the build made it. */
  static final String LINUX = "assist-agent-linux-x64.tar.gz";

  /** Whether this server hands out the agent with its own runtime for Linux. */
  static boolean hasLinux(ServletContext web) {
    try {
      return web.getResource(FOLDER + LINUX) != null;
    } catch (java.net.MalformedURLException e) {
      return false;
    }
  }

  /** The Linux package's name for this session. */
  static String linuxFileName(String digits) {
    return "assist-agent-" + digits + "-linux-x64.tar.gz";
  }

  /**
   * The agent packaged with its own runtime (no Java needed), with {@link PreparedAgent#FILE}
   * beside its jar and the read-me at the top: unpacked and started ({@code
   * assist-agent/bin/assist-agent}), it joins by itself.
   */
  static void writeLinux(ServletContext web, PreparedAgent prepared, OutputStream out)
      throws IOException {
    String readMe;
    try (InputStream text = AgentPackage.class.getResourceAsStream("README.txt")) {
      readMe = new String(text.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (InputStream archive = web.getResourceAsStream(FOLDER + LINUX)) {
      if (archive == null) {
        throw new IllegalStateException("this server was built without the Linux agent package");
      }
      TarAppender.copyAdding(
          archive,
          java.util.Map.of(
              "assist-agent/lib/app/" + PreparedAgent.FILE,
              prepared.toProperties(),
              "assist-agent/README.txt",
              readMe),
          out);
    }
  }

  private static void add(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
