package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealedCredentialsTest {
  private static final KeyPair AGENT = SealedCredentials.newKeyPair();

  @Test
  void onlyTheAgentWhoseKeyTheyWereSealedToOpensThem() throws Exception {
    Credentials typed = new Credentials("hélène", "Mot de passe très secret €", "CORP");
    SealedCredentials sealed = SealedCredentials.seal(typed, AGENT.getPublic());
    String wire =
        LogInRequest.fromJson(new LogInRequest(sealed).toJson()).toString() + sealed.toJson();
    assertFalse(wire.contains("secret"), wire);
    assertFalse(wire.contains("hélène"), wire);
    assertEquals(typed, sealed.open(AGENT.getPrivate()));
    assertFalse(typed.toString().contains("secret"));

    KeyPair other = SealedCredentials.newKeyPair();
    assertThrows(MalformedMessageException.class, () -> sealed.open(other.getPrivate()));
    SealedCredentials tampered =
        new SealedCredentials(
            sealed.key(),
            sealed.iv(),
            (sealed.data().charAt(0) == 'A' ? "B" : "A") + sealed.data().substring(1));
    assertThrows(MalformedMessageException.class, () -> tampered.open(AGENT.getPrivate()));
  }

  @Test
  void agentKeysAreCheckedAtTheJoin() throws Exception {
    String key = SealedCredentials.encode(AGENT.getPublic());
    assertEquals(AGENT.getPublic(), SealedCredentials.publicKey(key));
    Hello hello = new Hello("pc", "Linux", "u");
    assertEquals(key, JoinRequest.fromJson(new JoinRequest("1", hello, key).toJson()).agentKey());
    assertThrows(
        MalformedMessageException.class,
        () -> JoinRequest.fromJson(new JoinRequest("1", hello, "bm90IGEga2V5").toJson()));
  }

  @Test
  void anAgentThatJoinedWithAnRsaKeyStillOpensWhatIsSealedToIt() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair before = rsa.generateKeyPair();
    PublicKey known = SealedCredentials.publicKey(SealedCredentials.encode(before.getPublic()));
    Credentials typed = new Credentials("zoé", "àçèñ-secret", null);
    SealedCredentials sealed = SealedCredentials.seal(typed, known);
    PrivateKey kept = SealedCredentials.privateKey(SealedCredentials.encode(before.getPrivate()));
    assertEquals(typed, sealed.open(kept));
    assertThrows(MalformedMessageException.class, () -> sealed.open(AGENT.getPrivate()));
    assertThrows(
        MalformedMessageException.class,
        () -> SealedCredentials.seal(typed, AGENT.getPublic()).open(kept));

    rsa.initialize(1024);
    String weak = SealedCredentials.encode(rsa.generateKeyPair().getPublic());
    assertThrows(MalformedMessageException.class, () -> SealedCredentials.publicKey(weak));
  }

  @Test
  void anX25519KeyOfSmallOrderIsRefusedAtTheJoin() {
    // the X.509 encoding of the X25519 point u = 0, which agrees an all-zero secret with anyone
    byte[] encoded = Arrays.copyOf(AGENT.getPublic().getEncoded(), 44);
    Arrays.fill(encoded, 12, 44, (byte) 0);
    String zero = Base64.getEncoder().encodeToString(encoded);
    assertThrows(MalformedMessageException.class, () -> SealedCredentials.publicKey(zero));
  }

  @Test
  void credentialsNeedANameAndAPassword() {
    assertThrows(IllegalArgumentException.class, () -> new Credentials("", "x", null));
    assertThrows(IllegalArgumentException.class, () -> new Credentials("u", "", null));
    assertEquals("u", new Credentials("u", "p", " ").account());
    assertEquals("CORP\\u", new Credentials("u", "p", "CORP").account());
  }
}
