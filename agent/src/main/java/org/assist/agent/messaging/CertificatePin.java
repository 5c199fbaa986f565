package org.assist.agent.messaging;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one server certificate this agent trusts, by its SHA-256 fingerprint: the agent talks TLS
 * with its server only, and only with a server presenting exactly this certificate (whatever name
 * or authority signed it), so that nobody on the network can pretend to be the help desk's server.
 * The fingerprint comes with the agent from the server's portal, from its administrator, or from
 * the customer who compared it with the technician's (trust on first use).
 */
public final class CertificatePin {
  /** The pin the broker client's trust plugin reads: Artemis creates the plugin by name. */
  private static volatile CertificatePin current;

  private final List<byte[]> sha256;
  private final SSLContext context;

  private CertificatePin(List<byte[]> sha256) {
    this.sha256 = List.copyOf(sha256);
    this.context = ServerHttp.context(trustManager(wrong -> {}));
  }

  /**
   * Pins this fingerprint ({@code AB:CD:...} or plain hex; several separated by commas while the
   * server replaces its certificate) for every connection to the server.
   */
  public static CertificatePin pin(String fingerprint) {
    CertificatePin pin = of(fingerprint);
    current = pin;
    return pin;
  }

  /** A pin of this fingerprint, for connections made with its {@link #context()} only. */
  public static CertificatePin of(String fingerprint) {
    List<byte[]> pinned = new ArrayList<>();
    for (String each : (fingerprint == null ? "" : fingerprint).split(",")) {
      pinned.add(parse(each));
    }
    return new CertificatePin(pinned);
  }

  /** The pinned certificate; IllegalStateException when none was pinned yet. */
  public static CertificatePin current() {
    CertificatePin pin = current;
    if (pin == null) {
      throw new IllegalStateException("no server certificate pinned");
    }
    return pin;
  }

  /** The fingerprint as people compare it: {@code AB:CD:...}, 32 pairs (several: commas). */
  public String fingerprint() {
    return String.join(",", sha256.stream().map(CertificatePin::format).toList());
  }

  /** TLS that talks only to the pinned server (one context: connections are reused with it). */
  public SSLContext context() {
    return context;
  }

  /**
   * Accepts only the pinned certificate, telling {@code onRefused} of each server it refuses for
   * its certificate; host names need no check once it is pinned.
   */
  X509ExtendedTrustManager trustManager(Consumer<WrongServerException> onRefused) {
    return new Checker(
        chain -> {
          byte[] actual = digest(chain[0]);
          if (sha256.stream().noneMatch(pinned -> MessageDigest.isEqual(pinned, actual))) {
            WrongServerException wrong = new WrongServerException(format(actual), fingerprint());
            onRefused.accept(wrong);
            throw wrong;
          }
        });
  }

  /** A fingerprint read from text; IllegalArgumentException when it is not a SHA-256. */
  public static byte[] parse(String fingerprint) {
    String hex = fingerprint == null ? "" : fingerprint.replace(":", "").strip();
    try {
      byte[] bytes = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
      if (bytes.length == 32) {
        return bytes;
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw new IllegalArgumentException("a certificate's SHA-256 fingerprint has 64 hex digits");
  }

  /** The SHA-256 fingerprint of a certificate, as people compare it. */
  public static String fingerprint(X509Certificate certificate) {
    return format(digest(certificate));
  }

  private static byte[] digest(X509Certificate certificate) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read a certificate", e);
    }
  }

  private static String format(byte[] sha256) {
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256);
  }

  /** The server presented another certificate than the pinned one. */
  public static final class WrongServerException extends CertificateException {
    private static final long serialVersionUID = 1L;
    private final String presented;
    private final String expected;

    WrongServerException(String presented, String expected) {
      super("server certificate " + presented + " is not the pinned " + expected);
      this.presented = presented;
      this.expected = expected;
    }

    public String presented() {
      return presented;
    }

    public String expected() {
      return expected;
    }
  }

  /** What the agent checks of a server's certificate chain. */
  @FunctionalInterface
  interface Check {
    void check(X509Certificate[] chain) throws CertificateException;
  }

  /** A trust manager for servers only, doing one check (an extended one: no host-name check). */
  static final class Checker extends X509ExtendedTrustManager {
    private final Check check;

    Checker(Check check) {
      this.check = check;
    }

    private void server(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("no server certificate");
      }
      check.check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String type)
        throws CertificateException {
      server(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String type, Socket socket)
        throws CertificateException {
      server(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String type, SSLEngine engine)
        throws CertificateException {
      server(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String type)
        throws CertificateException {
      throw new CertificateException("the agent trusts no client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String type, Socket socket)
        throws CertificateException {
      throw new CertificateException("the agent trusts no client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String type, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("the agent trusts no client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
