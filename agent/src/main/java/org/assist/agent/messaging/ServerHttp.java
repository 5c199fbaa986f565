package org.assist.agent.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How the agent talks HTTP to the Assist server (joining, fetching script files). Built on {@link
 * HttpURLConnection}: it reuses connections like any client, and unlike {@code java.net.http} it
 * loads no TLS classes for plain HTTP and keeps no selector thread alive on an idle computer.
 */
public final class ServerHttp {
  /** A status code and the body that came with it (the error body for 4xx and 5xx). */
  public record Response(int status, byte[] body) {}

  private ServerHttp() {}

  /**
   * Sends {@code body} (GET when null) and reads the whole answer; {@code timeout} bounds the
   * connection and each wait for data. Redirects are not followed (the credentials would go along),
   * and a POST is never sent twice (the JDK resends a buffered one after a broken answer).
   */
  public static Response send(URI uri, Map<String, String> headers, byte[] body, Duration timeout)
      throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setConnectTimeout((int) Math.min(timeout.toMillis(), 15_000));
    connection.setReadTimeout((int) timeout.toMillis());
    connection.setUseCaches(false);
    connection.setInstanceFollowRedirects(false);
    headers.forEach(connection::setRequestProperty);
    if (body != null) {
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (in == null) {
      return new Response(status, new byte[0]);
    }
    try (in) {
      return new Response(status, in.readAllBytes());
    }
  }
}
