package org.assist.protocol;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.util.Properties;

/**
 * What the server's customer portal puts beside the agent it hands out ({@link #FILE}): the
 * server's address and identity, and the session to join, so that the agent joins by itself and
 * trusts that server only.
 *
 * @param number the session's nine digits, or null
 */
public record PreparedAgent(URI server, ServerIdentity identity, String number) {
  /** The file's name, beside the agent's jar. */
  public static final String FILE = "assist-agent.properties";

  public String toProperties() {
    Properties properties = new Properties();
    properties.setProperty("server", server.toString());
    properties.setProperty("certificate", identity.certificate());
    properties.setProperty("signingKey", identity.signingKey());
    properties.setProperty("version", Integer.toString(identity.version()));
    if (number != null) {
      properties.setProperty("number", number);
    }
    StringWriter out = new StringWriter();
    try {
      properties.store(out, "Assist agent prepared by its server: whom it trusts, what it joins");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  public static PreparedAgent read(Reader reader) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    String server = properties.getProperty("server");
    String certificate = properties.getProperty("certificate");
    String key = properties.getProperty("signingKey");
    if (server == null || certificate == null || key == null) {
      throw new IOException(FILE + " lacks the server's address or identity");
    }
    int version;
    try {
      version = Integer.parseInt(properties.getProperty("version", "1"));
    } catch (NumberFormatException e) {
      throw new IOException(FILE + ": version is not a number");
    }
    return new PreparedAgent(
        URI.create(server),
        new ServerIdentity(certificate, key, version),
        properties.getProperty("number"));
  }
}
