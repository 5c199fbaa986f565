package org.assist.agent.login;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assist.protocol.Credentials;
import org.jvnet.libpam.PAM;
import org.jvnet.libpam.PAMException;

/**
 * Linux: the credentials are checked by PAM (the {@code login} service, as the console's log-in
 * does), and scripts run through {@code runuser}. Both need the agent to run as root, as the
 * installed agent does.
 */
final class LinuxAccountSwitch implements AccountSwitch {
  static final String RUNUSER = "/usr/sbin/runuser";
  private static final String PAM_SERVICE = "login";
  private static final long PAM_STACK = 4L << 20;

  private final int userId;

  LinuxAccountSwitch(int userId) {
    this.userId = userId;
  }

  /** The agent's own user id, or -1 when it cannot be told. */
  static int userId() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public String cannotSwitch() {
    if (userId != 0) {
      return "the agent runs as the ordinary account "
          + System.getProperty("user.name")
          + ", which cannot work as another account: install the agent as a service"
          + " (assist-agent install) to log in as another user";
    }
    if (!Files.isExecutable(Path.of(RUNUSER))) {
      return "this computer has no " + RUNUSER + " (util-linux) to run scripts as another account";
    }
    return null;
  }

  @Override
  public String check(Credentials credentials) {
    String cannot = cannotSwitch();
    if (cannot != null) {
      return cannot;
    }
    if (credentials.domain() != null) {
      return "a domain is for Windows accounts: leave it empty on Linux";
    }
    if (credentials.username().startsWith("-") || credentials.username().contains("/")) {
      return "the operating system refused the user name or password";
    }
    // PAM's modules (yescrypt's hashing among them) need far more stack than the agent's small
    // threads have: on one of those the process dies of a native stack overflow
    AtomicReference<String> refused = new AtomicReference<>();
    Thread check =
        new Thread(null, () -> refused.set(authenticate(credentials)), "assist-pam", PAM_STACK);
    check.start();
    try {
      check.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    return refused.get();
  }

  private static String authenticate(Credentials credentials) {
    PAM pam = null;
    try {
      pam = new PAM(PAM_SERVICE);
      pam.authenticate(credentials.username(), credentials.password());
      return null;
    } catch (PAMException | RuntimeException e) {
      // PAM's words may repeat what was typed; the technician learns only that it was refused
      return "the operating system refused the user name or password";
    } finally {
      if (pam != null) {
        pam.dispose();
      }
    }
  }

  @Override
  public List<String> runAs(String account, List<String> command) {
    List<String> line = new ArrayList<>(List.of(RUNUSER, "-u", account, "--"));
    line.addAll(command);
    return line;
  }

  @Override
  public void give(Path path, String account) throws IOException {
    UserPrincipal owner =
        path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(account);
    Files.setOwner(path, owner);
  }

  @Override
  public String lockDesktop() {
    try {
      Process lock =
          new ProcessBuilder("loginctl", "lock-sessions")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (lock.waitFor(5, TimeUnit.SECONDS) && lock.exitValue() == 0) {
        return "locked";
      }
      lock.destroyForcibly();
      return "not locked";
    } catch (IOException e) {
      return "not locked";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "not locked";
    }
  }
}
