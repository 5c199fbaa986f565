package org.assist.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/** HTTP for the tests, always with time limits: a server that does not answer fails the test. */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Http() {}

  /** A client builder that gives up connecting after 10 s. */
  static HttpClient.Builder client() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
  }

  /** A request to this address that gives up waiting for its answer after {@link #TIMEOUT}. */
  static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
  }
}
