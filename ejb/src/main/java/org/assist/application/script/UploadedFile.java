package org.assist.application.script;

import org.assist.application.TooLargeException;
import org.assist.protocol.Sha256;

/**
 * A file as a technician or an integration sent it: its name (untrusted, only ever shown after
 * {@link #safeName}) and its bytes.
 */
public record UploadedFile(String name, byte[] content) {
  /** Largest file the library keeps: 1 MiB, checked here whatever the upload widget said. */
  public static final int MAX_BYTES = 1024 * 1024;

  public String sha256() {
    return Sha256.hex(content);
  }

  public int size() {
    return content.length;
  }

  /**
   * The name without any folder, control characters or characters file systems dislike; never
   * empty, at most 255 characters.
   */
  public String safeName() {
    return safeName(name);
  }

  public static String safeName(String name) {
    String base = name == null ? "" : name;
    base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
    String clean = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
    while (clean.startsWith(".")) {
      clean = clean.substring(1);
    }
    if (clean.isEmpty()) {
      clean = "file";
    }
    return clean.length() <= 255 ? clean : clean.substring(clean.length() - 255);
  }

  /** Throws TooLargeException when over {@link #MAX_BYTES}; {@code field} names the form field. */
  public void checkSize(String field) {
    if (content.length > MAX_BYTES) {
      throw new TooLargeException("script.file.tooLarge", field, safeName(), MAX_BYTES);
    }
  }

  @Override
  public String toString() {
    return "UploadedFile[" + safeName() + ", " + content.length + " bytes]";
  }
}
