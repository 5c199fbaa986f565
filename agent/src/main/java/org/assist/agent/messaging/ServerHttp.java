package org.assist.agent.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * How the agent talks HTTPS to the Assist server (joining, fetching script files), with the server
 * whose certificate is pinned ({@link CertificatePin}) and no other. Built on {@link
 * HttpURLConnection}: it reuses connections like any client, and unlike {@code java.net.http} it
 * keeps no selector thread alive on an idle computer.
 */
public final class ServerHttp {
  /** A status code and the body that came with it (the error body for 4xx and 5xx). */
  /**
   * @param retryAfterSeconds what the server's Retry-After said (it is busy), or 0
   */
  public record Response(int status, byte[] body, int retryAfterSeconds) {}

  static {
    // every connection names its own trust (the pinned certificate, or the reading of one not
    // trusted yet), so the JDK's default, its certificate authorities (some 140 certificates parsed
    // at each start and kept in memory), is never loaded; a connection without would trust nothing
    HttpsURLConnection.setDefaultSSLSocketFactory(
        context(
                new CertificatePin.Checker(
                    chain -> {
                      throw new CertificateException("no certificate is trusted without a pin");
                    }))
            .getSocketFactory());
  }

  private ServerHttp() {}

  /** TLS that trusts what this trust manager trusts, and nothing else. */
  static SSLContext context(TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is part of every Java runtime", e);
    }
  }

  /** The certificate a server presents, read without trusting it: for its customer to compare. */
  public static X509Certificate presentedCertificate(URI server) throws IOException {
    X509Certificate[] presented = new X509Certificate[1];
    SSLContext context =
        context(
            new CertificatePin.Checker(
                chain -> {
                  presented[0] = chain[0];
                  // nothing more is said to a server not trusted yet
                  throw new CertificateException("read, not trusted");
                }));
    try {
      HttpsURLConnection connection = open(server.resolve("/assist/"));
      connection.setSSLSocketFactory(context.getSocketFactory());
      connection.setConnectTimeout(15_000);
      connection.setReadTimeout(15_000);
      connection.connect();
      connection.disconnect();
    } catch (SSLException e) {
      // the handshake ended as it should: on the certificate
    }
    if (presented[0] == null) {
      throw new IOException("the server at " + server + " presented no certificate");
    }
    return presented[0];
  }

  /** A connection to the server, which the agent reaches over HTTPS only. */
  private static HttpsURLConnection open(URI uri) throws IOException {
    if (!"https".equals(uri.getScheme())) {
      throw new IOException("the agent talks to its server over HTTPS only, not " + uri);
    }
    return (HttpsURLConnection) uri.toURL().openConnection();
  }

  /**
   * Sends {@code body} (GET when null) and reads the whole answer; {@code timeout} bounds the
   * connection and each wait for data. Redirects are not followed (the credentials would go along),
   * and a POST is never sent twice (the JDK resends a buffered one after a broken answer).
   */
  public static Response send(URI uri, Map<String, String> headers, byte[] body, Duration timeout)
      throws IOException {
    HttpsURLConnection connection = open(uri);
    connection.setSSLSocketFactory(CertificatePin.current().context().getSocketFactory());
    // the certificate is pinned: whatever name the server goes by, it is the one
    connection.setHostnameVerifier((host, session) -> true);
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
    int retryAfter = seconds(connection.getHeaderField("Retry-After"));
    InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (in == null) {
      return new Response(status, new byte[0], retryAfter);
    }
    try (in) {
      return new Response(status, in.readAllBytes(), retryAfter);
    }
  }

  /** A Retry-After in seconds, bounded to an hour; 0 when absent or not a number of seconds. */
  private static int seconds(String header) {
    try {
      return header == null ? 0 : Math.max(0, Math.min(3600, Integer.parseInt(header.strip())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
