package org.assist.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.0 exchange written by hand on a socket the test opened (from a chosen address, over
 * TLS or not), for what an HTTP client library would not do: pick the source address, speak plain
 * HTTP to a port that redirects.
 */
final class RawHttp {
  private RawHttp() {}

  /** The answer: its status, headers (names in lower case, every value) and body as text. */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  /** A TLS socket to the test server from this loopback address, as another computer's. */
  static Socket tlsFrom(String fromAddress) throws IOException {
    return TestTls.context()
        .getSocketFactory()
        .createSocket(
            InetAddress.getByName(TestServer.HOST),
            TestServer.HTTPS_PORT,
            InetAddress.getByName(fromAddress),
            0);
  }

  /** POSTs this JSON to a path from the server's root, with extra {@code Name: value} headers. */
  static Answer post(Socket socket, String rootPath, String json, String... headers)
      throws IOException {
    return exchange(socket, "POST", rootPath, "application/json", json, headers);
  }

  static Answer exchange(
      Socket socket,
      String method,
      String rootPath,
      String contentType,
      String body,
      String... headers)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request =
        new StringBuilder(
            method + " " + rootPath + " HTTP/1.0\r\nHost: " + TestServer.HOST + "\r\n");
    if (body != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
      request.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("\r\n");
    OutputStream out = socket.getOutputStream();
    try {
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
    } catch (java.net.SocketException refused) {
      // a server may answer (413, say) and close before an oversize body is all sent: its answer
      // is read as a browser would read it
      try {
        return read(socket.getInputStream());
      } catch (IOException | AssertionError unread) {
        refused.addSuppressed(unread);
        throw refused;
      }
    }
    return read(socket.getInputStream());
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String[] lines = head.split("\r\n");
    if (!lines[0].startsWith("HTTP/1.")) {
      throw new AssertionError("not an HTTP answer: " + lines[0]);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              name -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    return new Answer(
        Integer.parseInt(lines[0].substring(9, 12)),
        headers,
        end < 0 ? "" : text.substring(end + 4));
  }
}
