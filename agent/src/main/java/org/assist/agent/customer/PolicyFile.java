package org.assist.agent.customer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A file only the computer's administrators or the agent's own account can have written: the
 * consent policy, which consents for the customer. The file must not be a link; it and every folder
 * above it must belong to the agent's account or to the system's administrators (root; on Windows
 * Administrators or SYSTEM), and nobody else may write it or them. A folder anyone may write is
 * accepted only when it is sticky (as {@code /tmp}): there nobody can replace another's file.
 */
final class PolicyFile {
  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final int GROUP_OR_OTHERS_WRITE = 0022;
  private static final int STICKY = 01000;

  /** Principals other than the agent's account that may write to the system's own files. */
  private static final Set<String> WINDOWS_ADMINISTRATORS =
      Set.of(
          "builtin\\administrators",
          "nt authority\\system",
          "nt service\\trustedinstaller",
          "creator owner");

  /** What lets someone replace a folder's entries, or the folder itself. */
  private static final Set<AclEntryPermission> REPLACING =
      EnumSet.of(
          AclEntryPermission.DELETE,
          AclEntryPermission.DELETE_CHILD,
          AclEntryPermission.WRITE_ACL,
          AclEntryPermission.WRITE_OWNER);

  /** What lets someone change a file. */
  private static final Set<AclEntryPermission> WRITING =
      EnumSet.of(
          AclEntryPermission.WRITE_DATA,
          AclEntryPermission.APPEND_DATA,
          AclEntryPermission.WRITE_ATTRIBUTES,
          AclEntryPermission.WRITE_NAMED_ATTRS,
          AclEntryPermission.WRITE_ACL,
          AclEntryPermission.WRITE_OWNER,
          AclEntryPermission.DELETE,
          AclEntryPermission.DELETE_CHILD);

  private PolicyFile() {}

  /** The file's text, once it is known that only trusted accounts could have written it. */
  static String read(Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent().toRealPath();
    Path real = folder.resolve(file.getFileName());
    if (Files.isSymbolicLink(real) || !Files.isRegularFile(real, NO_FOLLOW)) {
      throw refused(file, "it must be a plain file, not a link");
    }
    String me = System.getProperty("user.name");
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    for (Path path = real; path != null; path = path.getParent()) {
      boolean isFile = path.equals(real);
      String problem = posix ? posixProblem(path, isFile, me) : windowsProblem(path, isFile, me);
      if (problem != null) {
        throw refused(file, (isFile ? "" : "its folder " + path + " ") + problem);
      }
    }
    // read without following a link put in its place since
    try (InputStream in =
        Channels.newInputStream(
            Files.newByteChannel(
                real, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String posixProblem(Path path, boolean isFile, String me) throws IOException {
    String owner = Files.getOwner(path, NO_FOLLOW).getName();
    if (!owner.equals("root") && !owner.equals(me)) {
      return "belongs to " + owner + ": only root or " + me + " may own it";
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode", NO_FOLLOW);
    return writableByOthers(mode, isFile)
        ? "may be changed by other users: allow writing by its owner only"
        : null;
  }

  /**
   * Whether others than the owner may write: a sticky folder keeps their hands off others' files.
   */
  static boolean writableByOthers(int mode, boolean isFile) {
    return (mode & GROUP_OR_OTHERS_WRITE) != 0 && (isFile || (mode & STICKY) == 0);
  }

  private static String windowsProblem(Path path, boolean isFile, String me) throws IOException {
    AclFileAttributeView acl =
        Files.getFileAttributeView(path, AclFileAttributeView.class, NO_FOLLOW);
    if (acl == null) {
      return null; // a file system without owners or permissions (FAT): nothing to check
    }
    String owner = acl.getOwner().getName();
    if (!trustedOnWindows(owner, me)) {
      return "belongs to " + owner + ": only Administrators, SYSTEM or " + me + " may own it";
    }
    String writer = otherWriter(acl.getAcl(), isFile, me);
    return writer == null ? null : "may be changed by " + writer;
  }

  /**
   * The first account other than the trusted ones allowed to change the file, or to replace what a
   * folder holds; null when there is none. Entries only inherited by what a folder holds do not
   * apply to the folder itself.
   */
  static String otherWriter(List<AclEntry> entries, boolean isFile, String me) {
    Set<AclEntryPermission> harmful = isFile ? WRITING : REPLACING;
    for (AclEntry entry : entries) {
      UserPrincipal who = entry.principal();
      if (entry.type() == AclEntryType.ALLOW
          && !entry.flags().contains(AclEntryFlag.INHERIT_ONLY)
          && entry.permissions().stream().anyMatch(harmful::contains)
          && !trustedOnWindows(who.getName(), me)) {
        return who.getName();
      }
    }
    return null;
  }

  static boolean trustedOnWindows(String account, String me) {
    String name = account.toLowerCase(Locale.ROOT);
    String user = me.toLowerCase(Locale.ROOT);
    return WINDOWS_ADMINISTRATORS.contains(name) || name.equals(user) || name.endsWith("\\" + user);
  }

  private static IOException refused(Path file, String why) {
    return new IOException("the consent policy " + file + " is not used: " + why);
  }
}
