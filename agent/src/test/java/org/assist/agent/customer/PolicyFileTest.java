package org.assist.agent.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  @TempDir Path folder;
  private Path policy;

  @BeforeEach
  void writePolicy() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    policy = Files.writeString(folder.resolve("policy.properties"), "run-scripts=allow\n");
    Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rw-r--r--"));
  }

  @Test
  void aFileOnlyItsOwnerWritesIsRead() throws IOException {
    assertEquals("run-scripts=allow\n", PolicyFile.read(policy));
  }

  @Test
  void aFileOthersMayWriteIsRefused() throws IOException {
    Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rw-rw-r--"));
    IOException refused = assertThrows(IOException.class, () -> PolicyFile.read(policy));
    assertTrue(refused.getMessage().contains("other users"), refused.getMessage());
  }

  @Test
  void aLinkIsRefusedEvenToAGoodFile() throws IOException {
    Path link = Files.createSymbolicLink(folder.resolve("link.properties"), policy);
    IOException refused = assertThrows(IOException.class, () -> PolicyFile.read(link));
    assertTrue(refused.getMessage().contains("not a link"), refused.getMessage());
  }

  @Test
  void aFolderOthersMayWriteIsRefusedUnlessSticky() throws IOException {
    Path shared = Files.createDirectory(folder.resolve("shared"));
    Path inside = Files.copy(policy, shared.resolve("policy.properties"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    IOException refused = assertThrows(IOException.class, () -> PolicyFile.read(inside));
    assertTrue(
        refused.getMessage().contains("its folder " + shared.toRealPath()), refused.getMessage());

    assertTrue(PolicyFile.writableByOthers(0777, false));
    assertFalse(PolicyFile.writableByOthers(01777, false), "a sticky folder, as /tmp");
    assertTrue(PolicyFile.writableByOthers(01666, true), "a file is not protected by a sticky bit");
  }

  @Test
  void aFileOfAnotherAccountIsRefused() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
    Files.setOwner(
        policy,
        policy.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    IOException refused = assertThrows(IOException.class, () -> PolicyFile.read(policy));
    assertTrue(refused.getMessage().contains("belongs to nobody"), refused.getMessage());
  }

  @Test
  void onWindowsOnlyAdministratorsSystemAndTheAgentsAccountMayWrite() {
    AclEntry users = entry("BUILTIN\\Users", AclEntryPermission.WRITE_DATA);
    AclEntry admins = entry("BUILTIN\\Administrators", AclEntryPermission.WRITE_DATA);
    AclEntry me = entry("PC\\anne", AclEntryPermission.WRITE_DATA);
    AclEntry reading = entry("Everyone", AclEntryPermission.READ_DATA);
    assertNull(PolicyFile.otherWriter(List.of(admins, me, reading), true, "anne"));
    assertEquals("BUILTIN\\Users", PolicyFile.otherWriter(List.of(admins, users), true, "anne"));
    // in a folder, creating files harms nothing; deleting others' does
    assertNull(PolicyFile.otherWriter(List.of(users), false, "anne"));
    assertEquals(
        "BUILTIN\\Users",
        PolicyFile.otherWriter(
            List.of(entry("BUILTIN\\Users", AclEntryPermission.DELETE_CHILD)), false, "anne"));
    AclEntry inheritedOnly =
        AclEntry.newBuilder(entry("BUILTIN\\Users", AclEntryPermission.DELETE_CHILD))
            .setFlags(AclEntryFlag.INHERIT_ONLY)
            .build();
    assertNull(PolicyFile.otherWriter(List.of(inheritedOnly), false, "anne"));
  }

  private static AclEntry entry(String name, AclEntryPermission permission) {
    UserPrincipal principal = () -> name;
    return AclEntry.newBuilder()
        .setType(AclEntryType.ALLOW)
        .setPrincipal(principal)
        .setPermissions(permission)
        .build();
  }
}
