package org.assist.agent.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the commands this agent has carried out, kept on disk so that a command delivered
 * twice (after a crash or a reconnection) runs once. Only the most recent ids are kept: each id is
 * appended to the file, and once the file holds twice as many, a new one with only those is written
 * beside it and swapped in, so that a crash at any moment leaves a whole journal.
 */
public final class CommandJournal {
  static final int KEEP = 500;

  private final Path file;
  private final Deque<String> order = new ArrayDeque<>();
  private final Set<String> ids = new HashSet<>();
  private int linesInFile;

  public CommandJournal(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      for (String id : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!id.isBlank()) {
          remember(id.strip());
          linesInFile++;
        }
      }
    }
  }

  public synchronized boolean contains(String id) {
    return ids.contains(id);
  }

  /** Records a command as done, on disk before this returns. */
  public synchronized void add(String id) throws IOException {
    if (!remember(id)) {
      return;
    }
    if (linesInFile >= 2 * KEEP) {
      Path next = file.resolveSibling(file.getFileName() + ".next");
      Files.write(
          next,
          order,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      linesInFile = order.size();
    } else {
      Files.writeString(
          file,
          id + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
      linesInFile++;
    }
  }

  private boolean remember(String id) {
    if (!ids.add(id)) {
      return false;
    }
    order.addLast(id);
    while (order.size() > KEEP) {
      ids.remove(order.removeFirst());
    }
    return true;
  }
}
