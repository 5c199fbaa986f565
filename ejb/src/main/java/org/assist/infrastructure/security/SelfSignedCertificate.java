package org.assist.infrastructure.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.security.auth.x500.X500Principal;

/**
 * A self-signed X.509 certificate for an Ed25519 key pair, which a PKCS#12 key store needs beside a
 * private key. Nobody checks it: it only holds the public key, named. (The JDK has no public API
 * that makes one, so its few DER structures are written here.)
 */
final class SelfSignedCertificate {
  /** Ed25519's algorithm identifier: SEQUENCE { OID 1.3.101.112 }. */
  private static final byte[] ED25519 = {0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70};

  private SelfSignedCertificate() {}

  static X509Certificate of(KeyPair pair, String commonName) throws GeneralSecurityException {
    byte[] name = new X500Principal("CN=" + commonName).getEncoded();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
    byte[] tbs =
        sequence(
            der(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray()),
            ED25519,
            name,
            sequence(time(now), time(now.plusYears(100))),
            name,
            pair.getPublic().getEncoded());
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(tbs);
    byte[] signature = signer.sign();
    byte[] bits = new byte[signature.length + 1]; // no unused bits
    System.arraycopy(signature, 0, bits, 1, signature.length);
    byte[] encoded = sequence(tbs, ED25519, der(0x03, bits));
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));
    certificate.verify(pair.getPublic());
    return certificate;
  }

  /** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280). */
  private static byte[] time(ZonedDateTime at) {
    boolean utc = at.getYear() < 2050;
    String text =
        at.format(DateTimeFormatter.ofPattern(utc ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'"));
    return der(utc ? 0x17 : 0x18, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static byte[] sequence(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return der(0x30, all.toByteArray());
  }

  private static byte[] der(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xFF);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
