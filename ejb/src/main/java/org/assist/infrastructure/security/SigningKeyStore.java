package org.assist.infrastructure.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The server's command-signing keys in a PKCS#12 file that only the server's account may read or
 * write (mode 0600), one entry per version ({@code signing-1}, {@code signing-2}, ...): the newest
 * signs for agents that have it, older ones only tell the others about it.
 */
public final class SigningKeyStore {
  private static final String PREFIX = "signing-";
  private static final String OWNER_ONLY = "rw-------";
  private final Path file;
  private final char[] password;

  public SigningKeyStore(Path file, char[] password) {
    this.file = file;
    this.password = password.clone();
  }

  /** Every key by its version, oldest first; empty when the file does not exist yet. */
  public SortedMap<Integer, KeyPair> load() throws IOException {
    SortedMap<Integer, KeyPair> keys = new TreeMap<>();
    if (!Files.exists(file)) {
      return keys;
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try {
        store.load(in, password);
      } catch (IOException e) {
        throw new IOException(
            "cannot read the signing keys in " + file + " (is ASSIST_SIGNING_PASSWORD right?)", e);
      }
      for (String alias : Collections.list(store.aliases())) {
        if (alias.startsWith(PREFIX)) {
          PrivateKey key = (PrivateKey) store.getKey(alias, password);
          Certificate certificate = store.getCertificate(alias);
          keys.put(
              Integer.parseInt(alias.substring(PREFIX.length())),
              new KeyPair(certificate.getPublicKey(), key));
        }
      }
    } catch (GeneralSecurityException | NumberFormatException e) {
      throw new IOException("cannot read the signing keys in " + file + ": " + e.getMessage(), e);
    }
    return keys;
  }

  /** Adds this key pair as the given version and writes the file anew, for the owner only. */
  public void add(int version, KeyPair pair) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (var known : load().entrySet()) {
        put(store, known.getKey(), known.getValue());
      }
      put(store, version, pair);
      Path next = file.resolveSibling(file.getFileName() + ".new");
      Files.deleteIfExists(next);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            next,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
      }
      try (OutputStream out = Files.newOutputStream(next)) {
        store.store(out, password);
      }
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write the signing keys to " + file, e);
    }
  }

  private void put(KeyStore store, int version, KeyPair pair) throws GeneralSecurityException {
    store.setKeyEntry(
        PREFIX + version,
        pair.getPrivate(),
        password,
        new Certificate[] {SelfSignedCertificate.of(pair, "Assist command signing " + version)});
  }
}
