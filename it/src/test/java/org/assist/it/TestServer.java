package org.assist.it;

/** Where the server under test is: the copy Arquillian starts with port offset 100. */
final class TestServer {
  static final String HOST = "localhost";
  static final int HTTP_PORT = 8180;
  static final String URL = "http://" + HOST + ":" + HTTP_PORT + "/assist";
  static final String ADMIN_PASSWORD = System.getProperty("assist.admin.password");

  private TestServer() {}
}
