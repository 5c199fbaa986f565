package org.assist.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.assist.agent.messaging.CertificatePin;
import org.assist.agent.messaging.ServerHttp;

/**
 * The test server's TLS certificate, which the server makes at its first HTTPS connection: the
 * tests read it once, as a customer would on their first join, then pin it for every connection of
 * theirs (HTTP clients, broker clients built from the agent's code, agents, the browser).
 */
final class TestTls {
  private static X509Certificate certificate;
  private static CertificatePin pin;

  private TestTls() {}

  /** The test server's certificate, pinned for this JVM's agent code too. */
  static synchronized CertificatePin pin() {
    if (pin == null) {
      certificate = presentedBy(TestServer.ROOT);
      pin = CertificatePin.pin(CertificatePin.fingerprint(certificate));
    } else if (CertificatePin.current() != pin) {
      // another server's certificate was pinned meanwhile (FaultBenchmark's)
      pin = CertificatePin.pin(pin.fingerprint());
    }
    return pin;
  }

  static SSLContext context() {
    return pin().context();
  }

  /**
   * The base64 SHA-256 of the certificate's public key, as Chromium's {@code
   * --ignore-certificate-errors-spki-list} takes it: the browser trusts this server's key only.
   */
  static synchronized String publicKeyHash() {
    pin();
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificate the server at this address presents. */
  static X509Certificate presentedBy(String root) {
    try {
      return ServerHttp.presentedCertificate(URI.create(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
