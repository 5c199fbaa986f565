package org.assist.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  @Test
  void onlyATrustedProxySaysWhereARequestComesFrom() {
    assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "10.0.0.1", Set.of("10.0.0.5")));
    assertEquals("192.0.2.4", ClientAddress.of("10.0.0.5", "192.0.2.4", Set.of("10.0.0.5")));
    // the client's own claim comes first in the chain: the proxy's last entry is believed
    assertEquals(
        "192.0.2.4", ClientAddress.of("10.0.0.5", "1.2.3.4, 192.0.2.4", Set.of("10.0.0.5")));
    assertEquals(
        "192.0.2.4",
        ClientAddress.of("10.0.0.5", "192.0.2.4, 10.0.0.6", Set.of("10.0.0.5", "10.0.0.6")));
  }
}
