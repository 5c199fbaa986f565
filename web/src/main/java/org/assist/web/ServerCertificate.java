package org.assist.web;

import io.undertow.server.SSLSessionInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.HexFormat;

/**
 * The TLS certificate this server presented on the current request's connection, by its SHA-256
 * fingerprint ({@code AB:CD:...}): exactly what the client saw, whatever key store is configured.
 * Agents pin it; the technician reads it to a customer who is asked to confirm it.
 */
@Named
@ApplicationScoped
public class ServerCertificate {
  /** The fingerprint, or null on a connection without TLS. */
  public String fingerprint() {
    ServletRequestContext request = ServletRequestContext.current();
    SSLSessionInfo tls =
        request == null ? null : request.getExchange().getConnection().getSslSessionInfo();
    if (tls == null) {
      return null;
    }
    Certificate[] presented = tls.getSSLSession().getLocalCertificates();
    if (presented == null || presented.length == 0) {
      return null;
    }
    try {
      return HexFormat.ofDelimiter(":")
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(presented[0].getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the server's certificate", e);
    }
  }
}
