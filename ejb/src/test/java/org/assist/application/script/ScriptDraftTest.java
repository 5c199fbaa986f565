package org.assist.application.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.assist.application.InvalidInputException;
import org.assist.application.TooLargeException;
import org.junit.jupiter.api.Test;

class ScriptDraftTest {
  private static final UploadedFile SCRIPT =
      new UploadedFile("fix.sh", "#!/bin/sh\necho ok\n".getBytes(StandardCharsets.UTF_8));

  private static ScriptDraft draft(String name, UploadedFile executable, UploadedFile input) {
    return new ScriptDraft(name, 1L, "  ", true, executable, input, false);
  }

  @Test
  void aGoodDraftPassesAndIsCleaned() {
    ScriptDraft draft = draft("  Flush DNS  ", SCRIPT, null);
    draft.validate(true);
    assertEquals("Flush DNS", draft.cleanName());
    assertNull(draft.cleanDescription());
  }

  @Test
  void namesAreRequiredShortAndPrintable() {
    for (String name : new String[] {null, " ", "x".repeat(129), "a\nb"}) {
      assertEquals(
          "name",
          assertThrows(InvalidInputException.class, () -> draft(name, SCRIPT, null).validate(true))
              .field());
    }
  }

  @Test
  void aCategoryAndOnCreationAnExecutableAreRequired() {
    assertEquals(
        "category",
        assertThrows(
                InvalidInputException.class,
                () -> new ScriptDraft("n", null, null, false, SCRIPT, null, false).validate(true))
            .field());
    assertEquals(
        "executable",
        assertThrows(InvalidInputException.class, () -> draft("n", null, null).validate(true))
            .field());
    draft("n", null, null).validate(false);
    assertEquals(
        "executable",
        assertThrows(
                InvalidInputException.class,
                () -> draft("n", new UploadedFile("e", new byte[0]), null).validate(true))
            .field());
  }

  @Test
  void filesOverOneMebibyteAreRefusedExactlyAtTheLimit() {
    draft("n", new UploadedFile("big", new byte[UploadedFile.MAX_BYTES]), null).validate(true);
    TooLargeException executable =
        assertThrows(
            TooLargeException.class,
            () ->
                draft("n", new UploadedFile("big", new byte[UploadedFile.MAX_BYTES + 1]), null)
                    .validate(true));
    assertEquals("executable", executable.field());
    TooLargeException input =
        assertThrows(
            TooLargeException.class,
            () ->
                draft("n", SCRIPT, new UploadedFile("data", new byte[UploadedFile.MAX_BYTES + 1]))
                    .validate(true));
    assertEquals("input", input.field());
  }

  @Test
  void descriptionsAreBounded() {
    assertEquals(
        "description",
        assertThrows(
                InvalidInputException.class,
                () ->
                    new ScriptDraft("n", 1L, "d".repeat(2001), false, SCRIPT, null, false)
                        .validate(true))
            .field());
  }

  @Test
  void uploadedNamesAreMadeSafe() {
    assertEquals("passwd", UploadedFile.safeName("../../etc/passwd"));
    assertEquals("evil.bat", UploadedFile.safeName("C:\\Windows\\evil.bat"));
    assertEquals("bashrc", UploadedFile.safeName(".bashrc"));
    assertEquals("a_b_c.sh", UploadedFile.safeName("a<b>c.sh"));
    assertEquals("x_y", UploadedFile.safeName("x\u0000y"));
    assertEquals("file", UploadedFile.safeName(null));
    assertEquals("file", UploadedFile.safeName("../"));
    assertEquals(255, UploadedFile.safeName("n".repeat(300)).length());
  }

  @Test
  void theHashIsTheFilesSha256() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        new UploadedFile("e", new byte[0]).sha256());
  }

  @Test
  void theInputMayNotTakeTheExecutablesNameInAnyCase() {
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> ScriptDraft.checkNames("fix.sh", "FIX.sh"));
    assertEquals("input", refused.field());
    ScriptDraft.checkNames("fix.sh", "servers.txt");
    ScriptDraft.checkNames("fix.sh", null);
  }
}
