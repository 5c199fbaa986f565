package org.assist.agent;

import java.io.PrintStream;
import java.util.List;
import org.assist.protocol.SessionNumber;

/** The agent's command line. */
public final class Main {
  static final String USAGE =
      """
      Assist agent: lets a help-desk technician support this computer, with your consent.

      Usage:
        java -jar assist-agent.jar join <session number> --server <URL>
            Join the support session whose number the technician gave you.
        java -jar assist-agent.jar --help
            Show this help.
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
      out.print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    if (args.get(0).equals("join")) {
      if (args.size() < 2 || SessionNumber.parse(args.get(1)).isEmpty()) {
        err.println("The session number has nine digits, for example 123 456 789.");
        return 2;
      }
      err.println(
          "Joining sessions arrives with the agent issue; this build only checks the number.");
      return 3;
    }
    err.println("Unknown command: " + args.get(0));
    err.print(USAGE);
    return 2;
  }
}
