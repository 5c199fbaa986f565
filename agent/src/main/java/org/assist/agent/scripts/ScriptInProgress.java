package org.assist.agent.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which run is going on, and which of its scripts is running now, in a file of the state folder
 * while the run goes on: an agent that finds the file at its start was stopped in the middle of
 * that run (killed, or the computer went down), and tells the server so.
 */
public final class ScriptInProgress {
  /**
   * The run (and its script, or -1 between scripts) an earlier start of the agent did not finish.
   */
  public record Cut(String commandId, int step) {}

  private static final String FILE = "script-in-progress";

  private final Path file;
  private final String commandId;

  public ScriptInProgress(Path stateDir, String commandId) {
    this.file = stateDir.resolve(FILE);
    this.commandId = commandId;
  }

  /** The run starts (or goes on after a restart step): no script runs yet. */
  public void runStarted() {
    started(-1);
  }

  /** The run ended, or waits for the computer's restart (which carries it over): nothing to say. */
  public void runEnded() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // said again at the next start, and ignored by the server: the run has its end
    }
  }

  void started(int step) {
    try {
      Files.writeString(file, commandId + " " + step, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the run goes on; only a crash in this script would go unexplained
    }
  }

  /** The script ended; the run goes on. */
  void ended() {
    started(-1);
  }

  /** The script an earlier start left unfinished, if any; the mark is removed. */
  public static Optional<Cut> take(Path stateDir) {
    Path file = stateDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
      Files.delete(file);
      return parts.length == 2
          ? Optional.of(new Cut(parts[0], Integer.parseInt(parts[1])))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
