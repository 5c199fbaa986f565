package org.assist.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** HTTP for the tests, always with time limits: a server that does not answer fails the test. */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Http() {}

  /** A client builder that gives up connecting after 10 s, and trusts the test server only. */
  static HttpClient.Builder client() {
    return client(TestTls.context());
  }

  /** The same, trusting the server this TLS context trusts. */
  static HttpClient.Builder client(SSLContext tls) {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(tls);
  }

  /** A request to this address that gives up waiting for its answer after {@link #TIMEOUT}. */
  static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
  }

  /**
   * A client with its own cookies, signed in through the console's sign-in form of the server at
   * {@code console} (such as {@code https://localhost:8543/assist}).
   */
  static HttpClient signedIn(String console, String username, String password)
      throws IOException, InterruptedException {
    return signedIn(client(), console, username, password);
  }

  /** The same with a client of this builder (one that trusts another server, say). */
  static HttpClient signedIn(
      HttpClient.Builder builder, String console, String username, String password)
      throws IOException, InterruptedException {
    HttpClient client =
        builder
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    client.send(request(console + "/dashboard.xhtml").build(), BodyHandlers.discarding());
    String form =
        "j_username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&j_password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    client.send(
        request(console + "/j_security_check")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        BodyHandlers.discarding());
    return client;
  }
}
