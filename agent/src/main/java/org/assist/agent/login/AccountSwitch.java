package org.assist.agent.login;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.assist.protocol.Credentials;

/**
 * Working as another account of this computer: the operating system checks the credentials, then
 * the technician's scripts run as that account. Only an agent running as the system's own account
 * (installed as a service) can do it; any other says why not.
 */
public interface AccountSwitch {
  /** Why this agent cannot work as another account here; null when it can. */
  String cannotSwitch();

  /** Checks the credentials with the operating system: null when they are right, else why not. */
  String check(Credentials credentials);

  /** The command line that runs {@code command} as that account. */
  List<String> runAs(String account, List<String> command);

  /** Hands a file or folder (not its contents) to the account, so that its scripts may use it. */
  void give(Path path, String account) throws IOException;

  /** Locks the customer's desktop sessions where the platform allows; says what it did. */
  String lockDesktop();

  /** How this computer switches accounts. */
  static AccountSwitch forThisComputer() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("linux")) {
      return new LinuxAccountSwitch(LinuxAccountSwitch.userId());
    }
    return new Unsupported(
        "working as another account is available on Linux in this version of the agent, not on "
            + System.getProperty("os.name"));
  }

  /** A platform where the agent cannot switch accounts: every attempt gets the reason. */
  record Unsupported(String reason) implements AccountSwitch {
    @Override
    public String cannotSwitch() {
      return reason;
    }

    @Override
    public String check(Credentials credentials) {
      return reason;
    }

    @Override
    public List<String> runAs(String account, List<String> command) {
      throw new IllegalStateException(reason);
    }

    @Override
    public void give(Path path, String account) {
      throw new IllegalStateException(reason);
    }

    @Override
    public String lockDesktop() {
      return "";
    }
  }
}
