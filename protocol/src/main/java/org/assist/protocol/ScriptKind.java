package org.assist.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a script's executable is run, told by its file name's extension or its {@code #!} line. The
 * server shows it in the library; the agent runs the script with it.
 */
public enum ScriptKind {
  SHELL,
  POWERSHELL,
  BATCH,
  PYTHON,
  /** A {@code #!} line names the interpreter. */
  SHEBANG,
  /** A program in the machine's own format (ELF, PE, Mach-O). */
  NATIVE,
  /** None of the above: it will be run as a program and may fail. */
  UNKNOWN;

  /** Detects the kind from the file name and the first bytes of the file. */
  public static ScriptKind of(String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (startsWith(content, "#!")) {
      String line = firstLine(content).toLowerCase(Locale.ROOT);
      if (line.contains("python")) {
        return PYTHON;
      }
      if (line.contains("pwsh") || line.contains("powershell")) {
        return POWERSHELL;
      }
      if (line.matches("#!\\s*(/usr)?/bin/(env\\s+)?(ba|da|k|z)?sh\\b.*")) {
        return SHELL;
      }
      return SHEBANG;
    }
    if (name.endsWith(".ps1")) {
      return POWERSHELL;
    }
    if (name.endsWith(".bat") || name.endsWith(".cmd")) {
      return BATCH;
    }
    if (name.endsWith(".py")) {
      return PYTHON;
    }
    if (name.endsWith(".sh")) {
      return SHELL;
    }
    if (startsWith(content, "\u007fELF") || startsWith(content, "MZ") || isMachO(content)) {
      return NATIVE;
    }
    return UNKNOWN;
  }

  /** The {@code #!} line (or the first line) of a file, at most 200 characters. */
  public static String firstLine(byte[] content) {
    int end = 0;
    while (end < content.length && end < 200 && content[end] != '\n' && content[end] != '\r') {
      end++;
    }
    return new String(content, 0, end, StandardCharsets.UTF_8).strip();
  }

  private static boolean startsWith(byte[] content, String prefix) {
    byte[] bytes = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (content == null || content.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (content[i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMachO(byte[] content) {
    if (content == null || content.length < 4) {
      return false;
    }
    int magic =
        ((content[0] & 0xff) << 24)
            | ((content[1] & 0xff) << 16)
            | ((content[2] & 0xff) << 8)
            | (content[3] & 0xff);
    return magic == 0xfeedface
        || magic == 0xfeedfacf
        || magic == 0xcefaedfe
        || magic == 0xcffaedfe
        || magic == 0xcafebabe;
  }
}
