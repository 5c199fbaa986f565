package org.assist.protocol;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An account of the customer's computer and its password, as the technician typed them. They only
 * ever travel sealed ({@link SealedCredentials}), and are never stored or logged: {@link
 * #toString()} leaves the password out.
 *
 * @param domain the Windows domain; null elsewhere
 */
public record Credentials(String username, String password, String domain) {
  public static final int MAX_NAME = 256;
  public static final int MAX_PASSWORD = 1024;

  /** Checks the sizes; a missing user name or password is refused. */
  public Credentials {
    if (username == null || username.isBlank() || username.length() > MAX_NAME) {
      throw new IllegalArgumentException("a user name of 1 to " + MAX_NAME + " characters");
    }
    if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
      throw new IllegalArgumentException("a password of 1 to " + MAX_PASSWORD + " characters");
    }
    if (domain != null && (domain.isBlank() || domain.length() > MAX_NAME)) {
      domain = null;
    }
  }

  /** The account as people write it: {@code DOMAIN\\user} or {@code user}. */
  public String account() {
    return domain == null ? username : domain + "\\" + username;
  }

  @Override
  public String toString() {
    return "Credentials[" + account() + "]";
  }

  byte[] bytes() {
    var json = JsonCodec.object().add("username", username).add("password", password);
    Fields.put(json, "domain", domain);
    return json.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads them from their bytes, then overwrites the bytes. */
  static Credentials read(byte[] bytes) throws MalformedMessageException {
    try {
      JsonObject json = JsonCodec.read(bytes);
      return new Credentials(
          Fields.text(json, "username", MAX_NAME),
          Fields.text(json, "password", MAX_PASSWORD),
          Fields.optionalText(json, "domain", MAX_NAME));
    } catch (RuntimeException e) {
      throw new MalformedMessageException("credentials out of shape");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
