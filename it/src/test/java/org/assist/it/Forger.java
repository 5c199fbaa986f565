package org.assist.it;

import java.net.http.HttpResponse;

/** Calls the test-only forger web application deployed beside Assist (see forger/ForgerServlet). */
final class Forger {
  private Forger() {}

  /** {@code GET /forger/<action>}, e.g. {@code duplicate?agent=A}; its status and body. */
  static HttpResponse<String> call(String action) throws Exception {
    return Http.client()
        .build()
        .send(
            Http.request(TestServer.ROOT + "/forger/" + action).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
