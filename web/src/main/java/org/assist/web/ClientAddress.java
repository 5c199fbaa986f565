package org.assist.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.assist.application.Settings;

/**
 * Where a request comes from: its peer's address, or behind a reverse proxy the administrator named
 * ({@code ASSIST_TRUSTED_PROXIES}), the address that proxy saw. Anyone else's {@code
 * X-Forwarded-For} is ignored: a client could claim any address in it.
 */
public final class ClientAddress {
  private ClientAddress() {}

  public static String of(HttpServletRequest request) {
    return of(
        request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), Settings.trustedProxies());
  }

  /** The nearest address not of a trusted proxy, reading the forwarded chain from the end. */
  static String of(String peer, String forwardedFor, Set<String> trusted) {
    if (!trusted.contains(peer) || forwardedFor == null) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trusted.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
