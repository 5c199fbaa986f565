package org.assist.protocol;

import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials sealed to one agent: the server encrypts them with the public key the agent made at
 * its join (RSA-OAEP wrapping a fresh AES-256-GCM key), so that only that agent, with the private
 * key that never left its computer, can read them; the broker, its journal and the server's
 * database only ever see these bytes.
 *
 * @param key the AES key, wrapped with the agent's RSA key
 * @param iv the AES-GCM nonce
 * @param data the credentials, encrypted and authenticated
 */
public record SealedCredentials(String key, String iv, String data) {
  private static final String RSA = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
  private static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec(
          "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An agent's key pair, made at its join. */
  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String encode(java.security.Key key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * An agent's public key as it sent it; malformed when it is not an RSA key of 2048 bits or more.
   */
  public static PublicKey publicKey(String encoded) throws MalformedMessageException {
    try {
      PublicKey key =
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
      if (((java.security.interfaces.RSAPublicKey) key).getModulus().bitLength() < 2048) {
        throw new MalformedMessageException("agent key under 2048 bits");
      }
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new MalformedMessageException("agent key is not an RSA public key");
    }
  }

  public static PrivateKey privateKey(String encoded) throws GeneralSecurityException {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("agent key damaged", e);
    }
  }

  /** Seals the credentials to this agent's key. */
  public static SealedCredentials seal(Credentials credentials, PublicKey agentKey) {
    byte[] plain = credentials.bytes();
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      SecretKey secret = generator.generateKey();
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(128, iv));
      byte[] data = aes.doFinal(plain);
      Cipher rsa = Cipher.getInstance(RSA);
      rsa.init(Cipher.ENCRYPT_MODE, agentKey, OAEP);
      Base64.Encoder base64 = Base64.getEncoder();
      return new SealedCredentials(
          base64.encodeToString(rsa.doFinal(secret.getEncoded())),
          base64.encodeToString(iv),
          base64.encodeToString(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal credentials", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Opens them with the agent's private key; malformed when they were not sealed to it. */
  public Credentials open(PrivateKey agentKey) throws MalformedMessageException {
    byte[] secret = null;
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      Cipher rsa = Cipher.getInstance(RSA);
      rsa.init(Cipher.DECRYPT_MODE, agentKey, OAEP);
      secret = rsa.doFinal(base64.decode(key));
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(secret, "AES"),
          new GCMParameterSpec(128, base64.decode(iv)));
      return Credentials.read(aes.doFinal(base64.decode(data)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new MalformedMessageException("the credentials were not sealed to this agent");
    } finally {
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  JsonObject toJson() {
    return JsonCodec.object().add("key", key).add("iv", iv).add("data", data).build();
  }

  /** The sealed credentials in this field, or null when there are none. */
  static SealedCredentials optional(JsonObject json, String name) throws MalformedMessageException {
    if (!json.containsKey(name) || json.isNull(name)) {
      return null;
    }
    if (!(json.get(name) instanceof JsonObject sealed)) {
      throw new MalformedMessageException(name + " is not an object");
    }
    return new SealedCredentials(
        Fields.text(sealed, "key", 2048),
        Fields.text(sealed, "iv", 64),
        Fields.text(sealed, "data", 8192));
  }
}
