package org.assist.protocol;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials sealed to one agent: the server encrypts them to the public key the agent made at its
 * join, so that only that agent, with the private key that never left its computer, can read them;
 * the broker, its journal and the server's database only ever see these bytes.
 *
 * <p>An agent's key is an X25519 key: the server agrees a secret with it from a key pair of its own
 * made for these credentials alone, derives an AES-256-GCM key from that secret (HKDF-SHA-256) and
 * encrypts with it. Making such a key costs the agent a millisecond where an RSA key of 2048 bits
 * cost up to a second at its start. An agent that joined with an RSA key before (its session
 * resumed after an upgrade of the server) keeps it: its credentials are sealed as then, RSA-OAEP
 * wrapping a fresh AES-256-GCM key.
 *
 * @param key the server's one-time public key (X25519), or the AES key wrapped with the agent's RSA
 *     key
 * @param iv the AES-GCM nonce
 * @param data the credentials, encrypted and authenticated
 */
public record SealedCredentials(String key, String iv, String data) {
  private static final String AGREEMENT = "X25519";
  private static final String RSA = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
  private static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec(
          "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
  private static final byte[] PURPOSE =
      "assist sealed credentials, X25519, AES-256-GCM".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An agent's key pair, made at its join. */
  public static KeyPair newKeyPair() {
    try {
      return KeyPairGenerator.getInstance(AGREEMENT).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String encode(java.security.Key key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * An agent's public key as it sent it; malformed when it is neither an X25519 key nor an RSA key
   * of 2048 bits or more.
   */
  public static PublicKey publicKey(String encoded) throws MalformedMessageException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("agent key is not in base64");
    }
    PublicKey agreeing = null;
    try {
      agreeing = KeyFactory.getInstance(AGREEMENT).generatePublic(new X509EncodedKeySpec(bytes));
    } catch (GeneralSecurityException e) {
      // an agent that joined with an RSA key
    }
    if (agreeing != null) {
      try {
        // a key of small order would agree the same secret with anyone: refused here
        Arrays.fill(agreed(newKeyPair().getPrivate(), agreeing), (byte) 0);
        return agreeing;
      } catch (GeneralSecurityException e) {
        throw new MalformedMessageException("agent key is not a usable X25519 key");
      }
    }
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(bytes));
      if (((RSAPublicKey) key).getModulus().bitLength() < 2048) {
        throw new MalformedMessageException("agent key under 2048 bits");
      }
      return key;
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new MalformedMessageException("agent key is neither an X25519 nor an RSA public key");
    }
  }

  public static PrivateKey privateKey(String encoded) throws GeneralSecurityException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("agent key damaged", e);
    }
    try {
      return KeyFactory.getInstance(AGREEMENT).generatePrivate(new PKCS8EncodedKeySpec(bytes));
    } catch (GeneralSecurityException e) {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
    }
  }

  /** Seals the credentials to this agent's key. */
  public static SealedCredentials seal(Credentials credentials, PublicKey agentKey) {
    byte[] plain = credentials.bytes();
    byte[] secret = null;
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      byte[] sealedKey;
      if (agentKey instanceof RSAPublicKey) {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        secret = generator.generateKey().getEncoded();
        Cipher rsa = Cipher.getInstance(RSA);
        rsa.init(Cipher.ENCRYPT_MODE, agentKey, OAEP);
        sealedKey = rsa.doFinal(secret);
      } else {
        KeyPair once = newKeyPair();
        sealedKey = once.getPublic().getEncoded();
        secret = derived(once.getPrivate(), agentKey, sealedKey);
      }
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, iv));
      // as the RSA-sealed credentials were before: without associated data
      if (!(agentKey instanceof RSAPublicKey)) {
        aes.updateAAD(sealedKey);
      }
      byte[] data = aes.doFinal(plain);
      Base64.Encoder base64 = Base64.getEncoder();
      return new SealedCredentials(
          base64.encodeToString(sealedKey), base64.encodeToString(iv), base64.encodeToString(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal credentials", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  /** Opens them with the agent's private key; malformed when they were not sealed to it. */
  public Credentials open(PrivateKey agentKey) throws MalformedMessageException {
    byte[] secret = null;
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      byte[] sealedKey = base64.decode(key);
      if (agentKey instanceof RSAPrivateKey) {
        Cipher rsa = Cipher.getInstance(RSA);
        rsa.init(Cipher.DECRYPT_MODE, agentKey, OAEP);
        secret = rsa.doFinal(sealedKey);
      } else {
        PublicKey once =
            KeyFactory.getInstance(AGREEMENT).generatePublic(new X509EncodedKeySpec(sealedKey));
        secret = derived(agentKey, once, sealedKey);
      }
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(secret, "AES"),
          new GCMParameterSpec(128, base64.decode(iv)));
      if (!(agentKey instanceof RSAPrivateKey)) {
        aes.updateAAD(sealedKey);
      }
      return Credentials.read(aes.doFinal(base64.decode(data)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new MalformedMessageException("the credentials were not sealed to this agent");
    } finally {
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  /**
   * The AES key both sides derive: HKDF-SHA-256 (RFC 5869) of the X25519 secret agreed between one
   * side's private key and the other's public key, salted with the server's one-time public key.
   * The JDK refuses a public key of small order (an all-zero secret).
   */
  private static byte[] derived(PrivateKey mine, PublicKey theirs, byte[] salt)
      throws GeneralSecurityException {
    byte[] shared = agreed(mine, theirs);
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] pseudoRandom = hmac.doFinal(shared);
      hmac.init(new SecretKeySpec(pseudoRandom, "HmacSHA256"));
      hmac.update(PURPOSE);
      hmac.update((byte) 1);
      byte[] key = hmac.doFinal();
      Arrays.fill(pseudoRandom, (byte) 0);
      return key;
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }

  private static byte[] agreed(PrivateKey mine, PublicKey theirs) throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance(AGREEMENT);
    agreement.init(mine);
    agreement.doPhase(theirs, true);
    return agreement.generateSecret();
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
