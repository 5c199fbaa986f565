package org.assist.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written by hand on a socket the test opened (from a chosen address, over TLS
 * or not), for what an HTTP client library would not do: pick the source address, speak plain HTTP
 * to a port that redirects.
 */
final class RawHttp {
  private RawHttp() {}

  /** The answer's status and headers (names in lower case); its body is not read. */
  record Answer(int status, Map<String, String> headers) {}

  /** POSTs this JSON to a path from the server's root, with extra {@code Name: value} headers. */
  static Answer post(Socket socket, String rootPath, String json, String... headers)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    StringBuilder request =
        new StringBuilder("POST " + rootPath + " HTTP/1.1\r\nHost: " + TestServer.HOST + "\r\n");
    request.append("Content-Type: application/json\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String status = in.readLine();
    if (status == null || !status.startsWith("HTTP/1.1 ")) {
      throw new AssertionError("not an HTTP answer: " + status);
    }
    Map<String, String> answerHeaders = new LinkedHashMap<>();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      int colon = line.indexOf(':');
      answerHeaders.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    return new Answer(Integer.parseInt(status.substring(9, 12)), answerHeaders);
  }
}
