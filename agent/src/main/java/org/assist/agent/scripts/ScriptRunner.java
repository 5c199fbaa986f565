package org.assist.agent.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.assist.agent.OwnerOnly;
import org.assist.agent.login.AccountSwitch;
import org.assist.protocol.RunPlan;
import org.assist.protocol.ScriptKind;

/**
 * Runs the scripts of a run one after another, each in a fresh folder under the agent's state
 * folder (its input file beside it), as the agent's account or the one a technician logged in as,
 * with standard input closed, killed with its whole process tree past its timeout; the folder is
 * removed afterwards whatever happened, and folders left by a crash are removed at the next start.
 */
public final class ScriptRunner {
  private static final int CHUNK = 32 * 1024;

  private final Path runs;
  private final ScriptFiles files;
  private volatile Process current;
  private volatile boolean cancelled;
  private volatile WorkingAs workingAs;

  /** The account the technician logged in as, and how this computer runs scripts as it. */
  private record WorkingAs(AccountSwitch accounts, String account) {}

  public ScriptRunner(Path stateDir, ScriptFiles files) throws IOException {
    this.runs = stateDir.resolve("runs");
    this.files = files;
    removeLeftovers();
  }

  /** Removes what a crash in the middle of a script left behind. */
  public void removeLeftovers() throws IOException {
    if (Files.isDirectory(runs)) {
      try (Stream<Path> folders = Files.list(runs)) {
        for (Path folder : (Iterable<Path>) folders::iterator) {
          OwnerOnly.delete(folder);
        }
      }
    }
  }

  /** What a run's restart step does: restarts the computer, or says why it could not. */
  @FunctionalInterface
  public interface RestartStep {
    /** Null when the computer is going down (the run goes on after it), else why it did not. */
    String restart(int step) throws InterruptedException;
  }

  /** What {@link #run} returns when the run stopped at a restart step, to go on after it. */
  public static final String RESTARTING = "restarting";

  /**
   * Fetches and checks every file first (nothing runs if one is not as announced), then runs each
   * script in order from step {@code from}; a restart step hands over to {@code restart}. Returns
   * null, why the run could not start, or {@link #RESTARTING}.
   */
  public String run(RunPlan plan, int from, StepListener listener, RestartStep restart)
      throws InterruptedException {
    List<byte[][]> contents = new ArrayList<>();
    for (RunPlan.Step step : plan.steps()) {
      if (step.index() < from || step.isRestart()) {
        contents.add(null);
        continue;
      }
      try {
        byte[] executable = files.get(step, false);
        byte[] input = step.hasInput() ? files.get(step, true) : null;
        contents.add(new byte[][] {executable, input});
      } catch (ScriptFiles.Refused | IOException e) {
        String why = e.getMessage();
        listener.finished(step.index(), null, 0, false, false, why);
        return why;
      }
    }
    for (int i = from; i < plan.steps().size() && !cancelled; i++) {
      RunPlan.Step step = plan.steps().get(i);
      boolean ok;
      if (step.isRestart()) {
        listener.restarting(step.index());
        String failed = restart.restart(step.index());
        if (failed == null) {
          return RESTARTING;
        }
        listener.finished(step.index(), null, 0, false, false, failed);
        ok = false;
      } else {
        ok = runStep(step, contents.get(i)[0], contents.get(i)[1], listener);
      }
      if (!ok && plan.stopOnFailure()) {
        break;
      }
    }
    return null;
  }

  /** A run without restart steps. */
  public String run(RunPlan plan, StepListener listener) throws InterruptedException {
    return run(plan, 0, listener, step -> "this run cannot restart the computer");
  }

  /**
   * From now on, runs scripts as this account (in a folder of its own outside the agent's); null
   * for the agent's own account again.
   */
  public void workAs(AccountSwitch accounts, String account) {
    workingAs = account == null ? null : new WorkingAs(accounts, account);
  }

  /** Stops the script running now (the session ended), with its process tree. */
  public void cancel() {
    cancelled = true;
    Process process = current;
    if (process != null) {
      kill(process);
    }
  }

  private boolean runStep(RunPlan.Step step, byte[] executable, byte[] input, StepListener listener)
      throws InterruptedException {
    Path folder = null;
    long start = 0;
    AtomicLong kept = new AtomicLong();
    AtomicInteger seq = new AtomicInteger();
    listener.started(step.index());
    WorkingAs as = workingAs;
    try {
      if (as == null) {
        OwnerOnly.folder(runs);
      }
      // as another account, the script's folder is that account's own (0700) in the system's
      // temporary folder: the agent's state folder stays closed to it
      folder =
          as == null
              ? Files.createTempDirectory(runs, "run-")
              : Files.createTempDirectory("assist-run-");
      // the script works in a folder with its input file; the executable lies in one of its own,
      // so no input file can take its place (what runs is what the server signed)
      Path work = Files.createDirectory(folder.resolve("work"));
      Path exe = Files.createDirectory(folder.resolve("bin")).resolve(step.executable().name());
      Files.write(exe, executable);
      exe.toFile().setExecutable(true, true);
      Path in = input == null ? null : Files.write(work.resolve(step.input().name()), input);
      List<String> command = command(step.kind(), exe);
      if (as != null) {
        for (Path path : java.util.Arrays.asList(folder, work, exe.getParent(), exe, in)) {
          if (path != null) {
            as.accounts().give(path, as.account());
          }
        }
        command = as.accounts().runAs(as.account(), command);
      }
      // the script's own time: from its start to its end, output included
      start = System.nanoTime();
      Process process = new ProcessBuilder(command).directory(work.toFile()).start();
      current = process;
      if (cancelled) {
        // cancelled while it was starting: cancel() found no process to stop
        kill(process);
      }
      process.getOutputStream().close();
      // both pipes are read as soon as they have data and their chunks queued in the order they
      // were read; one thread decodes and reports them, so a slow report never lets a chunk read
      // later on the other pipe overtake one read earlier
      BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
      Thread out = pump(process.getInputStream(), false, chunks, kept);
      Thread err = pump(process.getErrorStream(), true, chunks, kept);
      Thread report = report(chunks, step.index(), seq, listener);
      boolean exited = process.waitFor(step.timeoutSeconds(), TimeUnit.SECONDS);
      if (!exited) {
        kill(process);
      }
      out.join(5000);
      err.join(5000);
      chunks.add(Chunk.END);
      report.join(5000);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      boolean truncated = kept.get() >= RunPlan.MAX_OUTPUT_BYTES;
      if (!exited) {
        listener.finished(step.index(), null, millis, true, truncated, null);
        return false;
      }
      int code = process.exitValue();
      listener.finished(step.index(), code, millis, false, truncated, null);
      return code == 0;
    } catch (IOException e) {
      listener.finished(
          step.index(),
          null,
          start == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          false,
          false,
          "could not run: " + e.getMessage());
      return false;
    } finally {
      current = null;
      if (folder != null) {
        try {
          OwnerOnly.delete(folder);
        } catch (IOException e) {
          // removed at the next start
        }
      }
    }
  }

  /** How the operating system runs each kind of script, on this computer. */
  static List<String> command(ScriptKind kind, Path exe) {
    return command(
        kind,
        exe.toString(),
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
        System.getenv());
  }

  /**
   * How a system runs each kind of script. Interpreters are named by absolute paths: given a bare
   * name, Windows looks in the current folder first, where a script's input file lies.
   */
  static List<String> command(
      ScriptKind kind, String file, boolean windows, Map<String, String> environment) {
    String system = windowsSystem(environment);
    return switch (kind) {
      case SHELL -> List.of(windows ? onPath("sh.exe", environment, windows) : "/bin/sh", file);
      case POWERSHELL ->
          windows
              ? List.of(
                  system + "WindowsPowerShell\\v1.0\\powershell.exe",
                  "-NoProfile",
                  "-NonInteractive",
                  "-ExecutionPolicy",
                  "Bypass",
                  "-File",
                  file)
              : List.of(
                  onPath("pwsh", environment, windows),
                  "-NoProfile",
                  "-NonInteractive",
                  "-File",
                  file);
      case BATCH -> List.of(system + "cmd.exe", "/c", file);
      case PYTHON ->
          List.of(onPath(windows ? "python.exe" : "python3", environment, windows), file);
      default -> List.of(file);
    };
  }

  /** Windows' own programs' folder, {@code C:\\Windows\\System32\\}. */
  public static String windowsSystem(Map<String, String> environment) {
    return environment.getOrDefault(
            "SystemRoot", environment.getOrDefault("SYSTEMROOT", "C:\\Windows"))
        + "\\System32\\";
  }

  /**
   * A program found in the absolute folders of {@code PATH} (never the current one); the bare name
   * when none has it, so that the script fails with "cannot run" rather than run another.
   */
  public static String onPath(String program, Map<String, String> environment, boolean windows) {
    String path = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
    String separator = windows ? ";" : ":";
    for (String folder : path.split(java.util.regex.Pattern.quote(separator))) {
      boolean absolute =
          windows ? folder.matches("(?i)[a-z]:\\\\.*|\\\\\\\\.*") : folder.startsWith("/");
      if (absolute) {
        String candidate = folder + (windows ? "\\" : "/") + program;
        if (Files.isRegularFile(Path.of(candidate))) {
          return candidate;
        }
      }
    }
    return program;
  }

  /** Kills the script and everything it started. */
  private static void kill(Process process) {
    // the script first, so that it cannot go on (and exit 0) once its children are gone; then all
    // it had started, found before it went (orphans are no one's descendants any more)
    List<ProcessHandle> started = process.descendants().toList();
    process.destroyForcibly();
    started.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Bytes as read from one of the script's pipes. */
  private record Chunk(boolean stderr, byte[] bytes) {
    static final Chunk END = new Chunk(false, null);
  }

  /**
   * Reads a pipe in chunks of at most 32 KiB into the queue, until the step's 10 MiB are used; the
   * rest is read and dropped so the script never blocks on a full pipe.
   */
  private static Thread pump(
      InputStream in, boolean stderr, BlockingQueue<Chunk> chunks, AtomicLong kept) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[CHUNK];
              try (in) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                  long room = RunPlan.MAX_OUTPUT_BYTES - kept.get();
                  if (room <= 0) {
                    continue;
                  }
                  int use = (int) Math.min(room, read);
                  kept.addAndGet(use);
                  chunks.add(new Chunk(stderr, java.util.Arrays.copyOf(buffer, use)));
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "assist-script-" + (stderr ? "err" : "out"));
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Reports the queued chunks in the order they were read, as UTF-8 (anything else becomes the
   * replacement character; a character split between two reads is kept for the next), numbered.
   */
  private static Thread report(
      BlockingQueue<Chunk> chunks, int step, AtomicInteger seq, StepListener listener) {
    Thread thread =
        new Thread(
            () -> {
              Decoder out = new Decoder();
              Decoder err = new Decoder();
              try {
                for (Chunk chunk = chunks.take(); chunk != Chunk.END; chunk = chunks.take()) {
                  String text = (chunk.stderr() ? err : out).decode(chunk.bytes());
                  if (!text.isEmpty()) {
                    listener.output(step, seq.getAndIncrement(), chunk.stderr(), clean(text));
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "assist-script-report");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** One stream's UTF-8 decoding across chunks. */
  private static final class Decoder {
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(CHUNK * 2);

    String decode(byte[] bytes) {
      pending.put(bytes);
      pending.flip();
      CharBuffer chars = CharBuffer.allocate(pending.remaining() + 1);
      decoder.decode(pending, chars, false);
      pending.compact();
      chars.flip();
      return chars.toString();
    }
  }

  /** Control characters other than line breaks and tabs show as the replacement character. */
  static String clean(String text) {
    return text.replaceAll("[\\p{Cntrl}&&[^\\n\\r\\t]]", "\uFFFD");
  }
}
