package org.assist.web.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads an HTTP Basic {@code Authorization} header. */
final class BasicCredentials {
  private static final String BASIC = "Basic ";

  private BasicCredentials() {}

  /** User name and password, or null when the header is missing or not Basic. */
  static String[] decode(String header) {
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return null;
    }
    try {
      String pair =
          new String(
              Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
              StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon <= 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
