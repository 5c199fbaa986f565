package org.assist.agent;

import java.net.http.HttpClient;
import java.time.Duration;

/** How the agent talks HTTP to the Assist server (joining, fetching script files). */
public final class ServerHttp {
  private ServerHttp() {}

  public static HttpClient client() {
    return HttpClient.newBuilder()
        // plain HTTP/1.1: an h2c upgrade would move files through small flow-control windows
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(15))
        .build();
  }
}
