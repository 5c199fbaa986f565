package org.assist.agent;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assist.agent.messaging.CertificatePin;

/** The agent's command line, parsed. */
record Options(
    String command,
    List<String> arguments,
    URI server,
    String serverCertificate,
    Path stateDir,
    Path consentPolicy,
    int consentTimeoutSeconds,
    boolean noWindow,
    String rebootCommand,
    int logOffAfterSeconds,
    Path root) {

  static final String USAGE =
      """
      Assist agent: lets a help-desk technician support this computer, with your consent.
      Nothing happens on this computer without your permission (or your administrator's policy).

      Started without a command, an agent downloaded from your help desk's portal joins the
      session it was prepared for, with the server it came from, and trusts no other.

      Commands:
        join <number> --server <URL>
            Join the support session whose nine-digit number the technician gave you,
            e.g.  join 123 456 789 --server https://helpdesk.example.com:8443
            The first time, you are shown the server's certificate fingerprint to compare with
            your technician's. Then stay connected until the technician ends the session
            (Ctrl+C leaves it).
        run
            Reconnect to the session joined earlier (used after a restart).
        benchmark [rounds]
            Time full system-information collections and report memory (for administrators).
        install
            (Administrators.) Start this agent at every boot as the system's account: a systemd
            unit on Linux, a launchd daemon on macOS, a boot task on Windows; the session joined
            from --state-dir moves to the service's own folder, which only that account can read.
            The installed agent answers from its --consent-policy, and can log in as another user.
        uninstall
            (Administrators.) Stop the installed agent and remove it, its files and its state.

      Options:
        --server <URL>            The Assist server (https://...), as the technician tells you.
        --server-certificate <SHA-256>
                                  The fingerprint of the server's certificate, when your
                                  administrator gives it: then nothing needs confirming.
        --state-dir <folder>      Where the agent keeps its identity for this session
                                  (default: ~/.assist-agent); only you can read it.
        --consent-policy <file>   Answer consent requests from a policy file instead of asking
                                  (for unattended computers; the file must be writable by its
                                  owner only). Lines:  system-info=allow|deny|ask
                                                       run-scripts=allow|deny|ask
                                                       restart=allow|deny|ask
                                                       log-in-as=allow|deny|ask
        --consent-timeout <s>     Seconds to answer a consent request before it counts as "no"
                                  (default 60).
        --no-window               Ask in this terminal even when a display is available.
        --reboot-command <cmd>    How this computer is restarted when the customer allows it,
                                  run by the system's shell (default: systemctl reboot on
                                  Linux, shutdown -r now on macOS, shutdown /r /t 0 on Windows).
        --log-off-after <s>       When a technician works as another account and the server is
                                  out of reach this many seconds, log off and give the
                                  computer back (default 300).
        --root <folder>           With install and uninstall: write the files under this folder,
                                  standing for the system's root, and register nothing
                                  (for packages and tests).
        --help                    Show this help.
      """;

  static Options parse(List<String> args) {
    String command = null;
    List<String> arguments = new ArrayList<>();
    URI server = null;
    String certificate = null;
    Path stateDir = Path.of(System.getProperty("user.home"), ".assist-agent");
    Path policy = null;
    int timeout = 60;
    boolean noWindow = false;
    String reboot = null;
    int logOffAfter = 300;
    Path root = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help", "-h" -> command = "help";
        case "--server" -> server = serverUri(value(args, ++i, arg));
        case "--server-certificate" -> certificate = fingerprint(value(args, ++i, arg));
        case "--state-dir" -> stateDir = Path.of(value(args, ++i, arg));
        case "--consent-policy" -> policy = Path.of(value(args, ++i, arg));
        case "--consent-timeout" -> timeout = positive(value(args, ++i, arg), arg);
        case "--no-window" -> noWindow = true;
        case "--reboot-command" -> reboot = value(args, ++i, arg);
        case "--log-off-after" -> logOffAfter = positive(value(args, ++i, arg), arg);
        case "--root" -> root = Path.of(value(args, ++i, arg));
        default -> {
          if (arg.startsWith("--")) {
            throw new IllegalArgumentException("Unknown option " + arg);
          }
          if (command == null) {
            command = arg;
          } else {
            arguments.add(arg);
          }
        }
      }
    }
    return new Options(
        command == null ? "start" : command,
        arguments,
        server,
        certificate,
        stateDir,
        policy,
        timeout,
        noWindow,
        reboot,
        logOffAfter,
        root);
  }

  private static String fingerprint(String text) {
    CertificatePin.parse(text);
    return text;
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }

  private static int positive(String text, String option) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(option + " needs a positive number of seconds");
  }

  private static URI serverUri(String text) {
    try {
      URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--server needs an address like https://helpdesk.example.com:8443");
    }
  }
}
