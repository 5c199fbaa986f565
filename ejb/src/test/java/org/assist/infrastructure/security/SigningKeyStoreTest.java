package org.assist.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.SortedMap;
import org.assist.protocol.Command;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.CommandType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {
  @TempDir Path folder;

  @Test
  void keysAreKeptByVersionInAFileOnlyItsOwnerReads() throws IOException {
    Path file = folder.resolve("assist-signing.p12");
    SigningKeyStore store = new SigningKeyStore(file, "secret".toCharArray());
    assertTrue(store.load().isEmpty(), "no file, no key");
    KeyPair first = CommandSignature.newKeyPair();
    KeyPair second = CommandSignature.newKeyPair();
    store.add(1, first);
    store.add(2, second);

    SortedMap<Integer, KeyPair> read = new SigningKeyStore(file, "secret".toCharArray()).load();
    assertEquals(List.of(1, 2), List.copyOf(read.keySet()));
    assertArrayEquals(first.getPrivate().getEncoded(), read.get(1).getPrivate().getEncoded());
    Command command =
        new Command("c", "agent", CommandType.CHAT, java.time.Instant.now(), new byte[] {1});
    assertTrue(
        CommandSignature.verify(
            second.getPublic(), command, CommandSignature.sign(read.get(2).getPrivate(), command)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.notExists(folder.resolve("assist-signing.p12.new")));
  }

  @Test
  void aWrongPasswordIsSaid() throws IOException {
    Path file = folder.resolve("assist-signing.p12");
    new SigningKeyStore(file, "secret".toCharArray()).add(1, CommandSignature.newKeyPair());
    IOException refused =
        assertThrows(
            IOException.class, () -> new SigningKeyStore(file, "other".toCharArray()).load());
    assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
  }
}
