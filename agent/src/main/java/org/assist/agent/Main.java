package org.assist.agent;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assist.agent.customer.AskingConsent;
import org.assist.agent.customer.ConsentGate;
import org.assist.agent.customer.Customer;
import org.assist.agent.customer.PolicyConsent;
import org.assist.agent.customer.TerminalCustomer;
import org.assist.agent.customer.WindowCustomer;
import org.assist.agent.messaging.JoinClient;
import org.assist.agent.sysinfo.Benchmark;
import org.assist.agent.sysinfo.OshiSystemInfoCollector;
import org.assist.agent.sysinfo.SystemInfoCollector;
import org.assist.protocol.Hello;
import org.assist.protocol.SessionNumber;

/** The agent's command line: {@code join}, {@code run}, {@code benchmark}, {@code --help}. */
public final class Main {
  static final int OK = 0;
  static final int USAGE = 2;
  static final int REFUSED = 3;
  static final int UNREACHABLE = 4;

  private Main() {}

  public static void main(String[] args) {
    // pooled direct buffers would keep megabytes the agent never needs again
    System.getProperties().putIfAbsent("io.netty.allocator.type", "unpooled");
    // one connection's pings and reconnections need two timer threads, not the client's five
    System.getProperties()
        .putIfAbsent("activemq.artemis.client.global.scheduled.thread.pool.core.size", "2");
    int code = run(List.of(args), System.out, System.err);
    System.exit(code);
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(Options.USAGE);
      return USAGE;
    }
    try {
      return switch (options.command()) {
        case "help" -> {
          out.print(Options.USAGE);
          yield OK;
        }
        case "join" -> join(options, out, err);
        case "run" -> rejoin(options, out, err);
        case "benchmark" -> {
          Benchmark.run(options.arguments(), out);
          yield OK;
        }
        default -> {
          err.println("Unknown command: " + options.command());
          err.print(Options.USAGE);
          yield USAGE;
        }
      };
    } catch (IOException e) {
      err.println(e.getMessage());
      return UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNREACHABLE;
    }
  }

  private static int join(Options options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Optional<SessionNumber> number = SessionNumber.parse(String.join("", options.arguments()));
    if (number.isEmpty()) {
      err.println(Texts.get("badNumber"));
      return USAGE;
    }
    if (options.server() == null) {
      err.println(Texts.get("noServer"));
      return USAGE;
    }
    Path folder = AgentState.prepareFolder(options.stateDir());
    SystemInfoCollector system = new OshiSystemInfoCollector();
    out.println(Texts.get("joining", number.get().display(), options.server()));
    AgentState state;
    try {
      state =
          new AgentState(
              options.server(),
              new JoinClient()
                  .join(
                      options.server(),
                      number.get().digits(),
                      new Hello(
                          system.computerName(),
                          system.osName(),
                          System.getProperty("user.name", ""))));
    } catch (JoinClient.JoinRefused e) {
      err.println(Texts.get("refused", e.getMessage()));
      return REFUSED;
    } catch (ConnectException e) {
      err.println(Texts.get("unreachable", options.server(), "connection refused"));
      return UNREACHABLE;
    }
    state.save(folder);
    return work(options, state, folder, system, "joined", out, err);
  }

  private static int rejoin(Options options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Path folder = options.stateDir();
    Optional<AgentState> state =
        Files.isDirectory(folder) ? AgentState.load(folder) : Optional.empty();
    if (state.isEmpty()) {
      err.println(Texts.get("noState"));
      return USAGE;
    }
    return work(options, state.get(), folder, new OshiSystemInfoCollector(), "rejoined", out, err);
  }

  private static int work(
      Options options,
      AgentState state,
      Path folder,
      SystemInfoCollector system,
      String greeting,
      PrintStream out,
      PrintStream err)
      throws IOException, InterruptedException {
    Customer customer;
    String heading =
        Texts.get(
            greeting,
            state.ticket().technician(),
            SessionNumber.display(state.ticket().sessionNumber()));
    if (!options.noWindow() && !GraphicsEnvironment.isHeadless()) {
      WindowCustomer window = new WindowCustomer();
      window.heading(heading);
      customer = window;
    } else {
      customer = new TerminalCustomer(System.in, out);
    }
    customer.tell(heading);
    ConsentGate consent =
        new AskingConsent(customer, Duration.ofSeconds(options.consentTimeoutSeconds()));
    if (options.consentPolicy() != null) {
      consent = PolicyConsent.load(options.consentPolicy(), consent, customer);
    }
    try {
      new AgentRuntime(state, folder, customer, consent, system).run();
      return OK;
    } catch (jakarta.jms.JMSSecurityException e) {
      err.println(Texts.get("ended"));
      AgentState.clear(folder);
      return REFUSED;
    } catch (jakarta.jms.JMSException e) {
      err.println(Texts.get("unreachable", state.server(), e.getMessage()));
      return UNREACHABLE;
    } finally {
      customer.close();
    }
  }
}
