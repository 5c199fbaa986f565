package org.assist.agent.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandJournalTest {
  @TempDir Path folder;

  @Test
  void rememberedCommandsSurviveARestart() throws Exception {
    Path file = folder.resolve("journal.txt");
    CommandJournal journal = new CommandJournal(file);
    journal.add("c1");
    journal.add("c2");
    journal.add("c1");
    CommandJournal afterRestart = new CommandJournal(file);
    assertTrue(afterRestart.contains("c1"));
    assertTrue(afterRestart.contains("c2"));
    assertFalse(afterRestart.contains("c3"));
  }

  @Test
  void keepsOnlyTheMostRecentIds() throws Exception {
    Path file = folder.resolve("journal.txt");
    CommandJournal journal = new CommandJournal(file);
    for (int i = 0; i < CommandJournal.KEEP + 10; i++) {
      journal.add("c" + i);
    }
    CommandJournal afterRestart = new CommandJournal(file);
    assertFalse(afterRestart.contains("c0"));
    assertTrue(afterRestart.contains("c" + (CommandJournal.KEEP + 9)));
  }

  @Test
  void itsFileStaysSmallAndIsNeverLeftHalfWritten() throws Exception {
    Path file = folder.resolve("journal.txt");
    CommandJournal journal = new CommandJournal(file);
    for (int i = 0; i < 3 * CommandJournal.KEEP + 7; i++) {
      journal.add("c" + i);
      assertTrue(Files.readAllLines(file).size() <= 2 * CommandJournal.KEEP, "after c" + i);
    }
    assertEquals(List.of(file), Files.list(folder).toList());
    CommandJournal afterRestart = new CommandJournal(file);
    for (int i = 2 * CommandJournal.KEEP + 7; i < 3 * CommandJournal.KEEP + 7; i++) {
      assertTrue(afterRestart.contains("c" + i), "c" + i);
    }
    assertFalse(afterRestart.contains("c" + (2 * CommandJournal.KEEP + 6)));
  }
}
