package org.assist.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentSecretTest {
  @Test
  void theSecretIsKeptAsTheHexSha256TheBrokersRealmReads() {
    // SHA-256("abc"), the standard test vector
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Agent.digest("abc"));
  }

  @Test
  void onlyTheSameSecretMatches() {
    Agent agent = new Agent("0123456789abcdef01234567", Agent.digest("s3cret-value"));
    assertTrue(agent.hasSecret("s3cret-value"));
    assertFalse(agent.hasSecret("s3cret-valuE"));
    assertFalse(agent.hasSecret(""));
    assertFalse(agent.hasSecret(null));
  }
}
