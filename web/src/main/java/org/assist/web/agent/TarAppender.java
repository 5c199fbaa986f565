package org.assist.web.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Copies a {@code .tar.gz} as it is, entry by entry (names, modes and links untouched), and adds
 * small files at its end: how the portal prepares the agent packaged with its own runtime.
 */
final class TarAppender {
  private static final int BLOCK = 512;

  private TarAppender() {}

  /** Writes {@code archive} with {@code added} (path in the archive, UTF-8 text) to {@code out}. */
  static void copyAdding(InputStream archive, Map<String, String> added, OutputStream out)
      throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
    try (InputStream tar = new GZIPInputStream(archive, 64 * 1024)) {
      byte[] header = new byte[BLOCK];
      while (readBlock(tar, header)) {
        if (isZero(header)) {
          break;
        }
        gzip.write(header);
        long blocks = (size(header) + BLOCK - 1) / BLOCK;
        byte[] block = new byte[BLOCK];
        for (long i = 0; i < blocks; i++) {
          if (!readBlock(tar, block)) {
            throw new IOException("the agent's archive ends inside an entry");
          }
          gzip.write(block);
        }
      }
    }
    for (Map.Entry<String, String> file : added.entrySet()) {
      byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
      gzip.write(header(file.getKey(), content.length));
      gzip.write(content);
      gzip.write(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
    }
    gzip.write(new byte[BLOCK * 2]);
    gzip.finish();
  }

  /** A ustar header for a plain file, mode 0644. */
  static byte[] header(String name, long size) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100) {
      throw new IllegalArgumentException("name over 100 bytes: " + name);
    }
    byte[] header = new byte[BLOCK];
    System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
    octal(header, 100, 8, 0644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, size);
    octal(header, 136, 12, Instant.now().getEpochSecond());
    header[156] = '0';
    byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, header, 257, magic.length);
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(header, 148, 7, sum);
    header[155] = ' ';
    return header;
  }

  /** An entry's size: octal digits, or GNU's base-256 for large ones. */
  static long size(byte[] header) {
    if ((header[124] & 0x80) != 0) {
      long size = 0;
      for (int i = 125; i < 136; i++) {
        size = (size << 8) | (header[i] & 0xff);
      }
      return size;
    }
    long size = 0;
    for (int i = 124; i < 136; i++) {
      byte b = header[i];
      if (b >= '0' && b <= '7') {
        size = size * 8 + (b - '0');
      } else if (size > 0 || (b != ' ' && b != 0)) {
        break;
      }
    }
    return size;
  }

  private static void octal(byte[] header, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
    byte[] bytes = padded.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, length - 1);
    header[offset + length - 1] = 0;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int read = in.readNBytes(block, 0, BLOCK);
    if (read == 0) {
      return false;
    }
    if (read < BLOCK) {
      throw new IOException("the agent's archive is cut short");
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
