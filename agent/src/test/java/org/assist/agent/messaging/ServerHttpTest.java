package org.assist.agent.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerHttpTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @Test
  void aConnectionWithoutAPinTrustsNoCertificate(@TempDir Path folder) throws Exception {
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(keyManagers(folder.resolve("server.p12")).getKeyManagers(), null, null);
    try (SSLServerSocket listening =
        (SSLServerSocket)
            server
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread accepting =
          new Thread(
              () -> {
                try (Socket socket = listening.accept()) {
                  ((SSLSocket) socket).startHandshake();
                } catch (IOException refusedByTheClient) {
                  // as it should
                }
              });
      accepting.start();
      // the agent's HTTPS, set up: a connection that names no trust gets the default
      Class.forName(ServerHttp.class.getName());
      HttpsURLConnection connection =
          (HttpsURLConnection)
              URI.create("https://localhost:" + listening.getLocalPort() + "/")
                  .toURL()
                  .openConnection();
      SSLHandshakeException refused =
          assertThrows(SSLHandshakeException.class, connection::connect);
      assertTrue(
          String.valueOf(refused.getCause()).contains("no certificate is trusted without a pin"),
          String.valueOf(refused.getCause()));
      accepting.join(10_000);
    }
  }

  /** A key and its self-signed certificate, made by the JDK's keytool. */
  private static KeyManagerFactory keyManagers(Path store) throws Exception {
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                new String(PASSWORD),
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-validity",
                "1")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertEquals(0, keytool.waitFor());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD);
    return factory;
  }
}
