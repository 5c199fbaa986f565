package org.assist.it;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.assist.agent.messaging.CertificatePin;

/**
 * A second HTTPS server, as an attacker on the customer's network would put up (by spoofing DNS or
 * ARP): a certificate of its own for the same name, answering every request. It counts what it was
 * sent.
 */
final class Impostor implements AutoCloseable {
  private static final char[] PASSWORD = "impostor".toCharArray();
  private final HttpsServer server;
  private final AtomicInteger requests = new AtomicInteger();
  final String fingerprint;

  private Impostor() throws Exception {
    KeyStore keys =
        KeyStores.selfSigned(
            Files.createTempDirectory("assist-impostor").resolve("impostor.p12"),
            "impostor",
            PASSWORD);
    fingerprint = CertificatePin.fingerprint((X509Certificate) keys.getCertificate("impostor"));
    KeyManagerFactory managers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(managers.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(TestServer.HOST, 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  static Impostor start() throws Exception {
    return new Impostor();
  }

  /** Its address, in the form agents are given servers. */
  String address() {
    return "https://" + TestServer.HOST + ":" + port();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** How many HTTP requests it received (a TLS handshake that failed sends none). */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
