package org.assist.application.technician;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.assist.application.InvalidInputException;
import org.assist.domain.technician.Role;
import org.junit.jupiter.api.Test;

class NewTechnicianTest {

  private static InvalidInputException refused(NewTechnician request) {
    return assertThrows(InvalidInputException.class, request::validate);
  }

  @Test
  void acceptsAGoodRequestAndNormalizesIt() {
    NewTechnician request =
        new NewTechnician("  Marie.Dupont ", " Marie Dupont ", "s3cret-pass", "Admin");
    assertEquals(Role.ADMIN, request.validate());
    assertEquals("marie.dupont", request.normalizedUsername());
    assertEquals("Marie Dupont", request.normalizedDisplayName());
  }

  @Test
  void refusesBadUsernames() {
    for (String username :
        new String[] {null, "", "a", "-abc", "with space", "émile", "x".repeat(65)}) {
      assertEquals(
          "username", refused(new NewTechnician(username, "N", "password1", "technician")).field());
    }
  }

  @Test
  void refusesBadDisplayNames() {
    assertEquals(
        "displayName", refused(new NewTechnician("bob", " ", "password1", "technician")).field());
    assertEquals(
        "displayName",
        refused(new NewTechnician("bob", "a\u0000b", "password1", "technician")).field());
    assertEquals(
        "displayName",
        refused(new NewTechnician("bob", "x".repeat(129), "password1", "technician")).field());
  }

  @Test
  void refusesShortAndOverlongPasswords() {
    assertEquals(
        "password", refused(new NewTechnician("bob", "Bob", "short", "technician")).field());
    assertEquals("password", refused(new NewTechnician("bob", "Bob", null, "technician")).field());
    // 37 two-byte characters: 74 bytes, more than bcrypt reads
    assertEquals(
        "password", refused(new NewTechnician("bob", "Bob", "é".repeat(37), "technician")).field());
  }

  @Test
  void refusesUnknownRoles() {
    assertEquals("role", refused(new NewTechnician("bob", "Bob", "password1", "root")).field());
    assertEquals("role", refused(new NewTechnician("bob", "Bob", "password1", null)).field());
  }

  @Test
  void neverPrintsThePassword() {
    String text = new NewTechnician("bob", "Bob", "hunter2-secret", "technician").toString();
    assertEquals(-1, text.indexOf("hunter2"));
  }

  @Test
  void aDisplayNameCarriesNoMarkup() {
    assertThrows(
        InvalidInputException.class,
        () -> new NewTechnician("alice", "<html><b>Alice", "password-1", "technician").validate());
    assertThrows(
        InvalidInputException.class,
        () -> new NewTechnician("alice", "Alice > Bob", "password-1", "technician").validate());
  }
}
