package org.assist.it;

/** Where the server under test is: the copy Arquillian starts with port offset 100. */
final class TestServer {
  static final String HOST = "localhost";
  static final int HTTPS_PORT = 8543;

  /** The broker's TLS port for agents (8444 with the offset). */
  static final int BROKER_PORT = 8544;

  /** A broker client's address of the server at this port, with these parameters. */
  static String brokerUrl(int port, String parameters) {
    return "tcp://" + HOST + ":" + port + parameters;
  }

  /** Its plain HTTP port, which only redirects to HTTPS. */
  static final int HTTP_PORT = 8180;

  /** The server's root, where paths such as {@code /assist/...} start. */
  static final String ROOT = "https://" + HOST + ":" + HTTPS_PORT;

  static final String URL = ROOT + "/assist";
  static final String ADMIN_PASSWORD = System.getProperty("assist.admin.password");

  private TestServer() {}
}
