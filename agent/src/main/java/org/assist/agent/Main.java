package org.assist.agent;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.assist.agent.customer.AskingConsent;
import org.assist.agent.customer.ConsentGate;
import org.assist.agent.customer.ConsentRequest;
import org.assist.agent.customer.Customer;
import org.assist.agent.customer.PolicyConsent;
import org.assist.agent.customer.TerminalCustomer;
import org.assist.agent.customer.WindowCustomer;
import org.assist.agent.install.BootService;
import org.assist.agent.install.Installer;
import org.assist.agent.login.AccountSwitch;
import org.assist.agent.messaging.BrokerLink;
import org.assist.agent.messaging.CertificatePin;
import org.assist.agent.messaging.JoinClient;
import org.assist.agent.messaging.ServerHttp;
import org.assist.agent.restart.ComputerRestart;
import org.assist.agent.sysinfo.Benchmark;
import org.assist.agent.sysinfo.OshiSystemInfoCollector;
import org.assist.agent.sysinfo.SystemInfoCollector;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Hello;
import org.assist.protocol.JoinTicket;
import org.assist.protocol.PreparedAgent;
import org.assist.protocol.SealedCredentials;
import org.assist.protocol.ServerIdentity;
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
        case "install" -> install(options, out, err, true);
        case "uninstall" -> install(options, out, err, false);
        case "start" -> start(options, out, err);
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

  /**
   * No command: the agent the customer portal prepared joins its session, or rejoins it when it
   * already did (after the computer restarted); a plain agent says how to use it.
   */
  private static int start(Options options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Optional<PreparedAgent> prepared = PreparedAgents.besideTheAgent();
    if (prepared.isEmpty()) {
      out.print(Options.USAGE);
      return OK;
    }
    Path folder = options.stateDir();
    Optional<AgentState> state =
        Files.isDirectory(folder) ? AgentState.load(folder) : Optional.empty();
    if (state.isPresent()
        && state.get().server().equals(prepared.get().server())
        && state.get().ticket().sessionNumber().equals(prepared.get().number())) {
      return rejoin(options, out, err);
    }
    return join(options, out, err);
  }

  private static int join(Options options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Optional<PreparedAgent> prepared = PreparedAgents.besideTheAgent();
    URI server =
        options.server() != null
            ? options.server()
            : prepared.map(PreparedAgent::server).orElse(null);
    if (server == null) {
      err.println(Texts.get("noServer"));
      return USAGE;
    }
    if (!"https".equals(server.getScheme())) {
      err.println(Texts.get("httpsOnly"));
      return USAGE;
    }
    String typed = String.join("", options.arguments());
    Optional<SessionNumber> number =
        SessionNumber.parse(
            typed.isEmpty() ? prepared.map(PreparedAgent::number).orElse(null) : typed);
    if (number.isEmpty()) {
      err.println(Texts.get("badNumber"));
      return USAGE;
    }
    Path folder = AgentState.prepareFolder(options.stateDir());
    // loaded meanwhile, on a thread of its own, since it does not wait for the server: the broker
    // client's classes (a few hundred milliseconds)
    CompletableFuture.runAsync(BrokerLink::loadClient, Main::meanwhile);
    Customer customer = customer(options, out);
    try {
      Optional<ServerIdentity> identity =
          trust(server, options, prepared.filter(p -> p.server().equals(server)), customer);
      if (identity.isEmpty()) {
        err.println(Texts.get("notTrusted", server));
        return REFUSED;
      }
      customer.tell(Texts.get("joining", number.get().display(), server));
      // a key pair of this session's own: the server seals credentials to its public half
      KeyPair agentKey = SealedCredentials.newKeyPair();
      SystemInfoCollector system = new OshiSystemInfoCollector();
      JoinTicket ticket =
          new JoinClient((why, seconds) -> customer.tell(Texts.get("busy", why, seconds)))
              .join(
                  server,
                  number.get().digits(),
                  new Hello(
                      system.computerName(), system.osName(), System.getProperty("user.name", "")),
                  SealedCredentials.encode(agentKey.getPublic()));
      AgentState state =
          new AgentState(
              server, identity.get(), ticket, SealedCredentials.encode(agentKey.getPrivate()));
      // a new session: nothing of an earlier one in this folder goes to it
      AgentState.clear(folder);
      state.save(folder);
      return work(options, state, folder, system, "joined", customer, err);
    } catch (JoinClient.JoinRefused e) {
      err.println(Texts.get("refused", e.getMessage()));
      return REFUSED;
    } catch (ConnectException e) {
      err.println(Texts.get("unreachable", server, "connection refused"));
      return UNREACHABLE;
    } catch (IOException e) {
      return wrongServer(server, e, err).orElseThrow(() -> e);
    } finally {
      customer.close();
    }
  }

  /** Runs some preparation on a thread of its own that does not keep the agent running. */
  private static void meanwhile(Runnable preparation) {
    Thread thread = new Thread(preparation, "assist-prepare");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The server's identity, its certificate pinned: the one this agent came with from the server, or
   * the one its administrator named ({@code --server-certificate}), or the one the customer
   * confirms after comparing its fingerprint with the technician's; empty when the customer does
   * not confirm. The signing key comes with the agent, or over the pinned connection.
   */
  private static Optional<ServerIdentity> trust(
      URI server, Options options, Optional<PreparedAgent> prepared, Customer customer)
      throws IOException {
    if (prepared.isPresent()) {
      CertificatePin.pin(prepared.get().identity().certificate());
      return Optional.of(prepared.get().identity());
    }
    String certificate = options.serverCertificate();
    if (certificate == null) {
      String presented = CertificatePin.fingerprint(ServerHttp.presentedCertificate(server));
      ConsentAnswer answer =
          customer.ask(
              new ConsentRequest("server-certificate", Texts.get("trustServer", server, presented)),
              Duration.ofSeconds(options.consentTimeoutSeconds()));
      if (answer == null || !answer.granted()) {
        return Optional.empty();
      }
      certificate = presented;
    }
    CertificatePin pin = CertificatePin.pin(certificate);
    ServerIdentity said = JoinClient.identity(server);
    return Optional.of(new ServerIdentity(pin.fingerprint(), said.signingKey(), said.version()));
  }

  /**
   * Installs the agent to start at boot, or uninstalls it: on this system (administrators only), or
   * under {@code --root}.
   */
  private static int install(Options options, PrintStream out, PrintStream err, boolean install)
      throws IOException, InterruptedException {
    boolean live = options.root() == null;
    if (live && !Installer.administrator()) {
      err.println(Texts.get("installNeedsAdmin"));
      return REFUSED;
    }
    List<String> serviceOptions = new java.util.ArrayList<>();
    if (options.consentPolicy() != null) {
      serviceOptions.addAll(
          List.of("--consent-policy", options.consentPolicy().toAbsolutePath().toString()));
    }
    if (options.rebootCommand() != null) {
      serviceOptions.addAll(List.of("--reboot-command", options.rebootCommand()));
    }
    serviceOptions.addAll(List.of("--log-off-after", String.valueOf(options.logOffAfterSeconds())));
    BootService service =
        BootService.forPlatform(
            System.getProperty("os.name", ""),
            live ? Installer.systemRoot() : options.root().toAbsolutePath(),
            Installer.launcher(),
            serviceOptions);
    Installer installer = new Installer(service, live, out);
    if (!install) {
      installer.uninstall();
      return OK;
    }
    String failed = installer.install(options.stateDir());
    if (failed != null) {
      err.println(failed);
      return REFUSED;
    }
    return OK;
  }

  /** The exit code and message for a server that presented another certificate, if it did. */
  private static Optional<Integer> wrongServer(URI server, IOException e, PrintStream err) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificatePin.WrongServerException wrong) {
        err.println(Texts.get("wrongServer", server, wrong.presented(), wrong.expected()));
        return Optional.of(REFUSED);
      }
    }
    return Optional.empty();
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
    CertificatePin.pin(state.get().identity().certificate());
    Customer customer = customer(options, out);
    try {
      return work(
          options, state.get(), folder, new OshiSystemInfoCollector(), "rejoined", customer, err);
    } finally {
      customer.close();
    }
  }

  /** The person at the computer: a window when there is a display, else the terminal. */
  private static Customer customer(Options options, PrintStream out) {
    if (!options.noWindow() && !GraphicsEnvironment.isHeadless()) {
      return new WindowCustomer();
    }
    return new TerminalCustomer(System.in, out);
  }

  private static int work(
      Options options,
      AgentState state,
      Path folder,
      SystemInfoCollector system,
      String greeting,
      Customer customer,
      PrintStream err)
      throws IOException, InterruptedException {
    String heading =
        Texts.get(
            greeting,
            state.ticket().technician(),
            SessionNumber.display(state.ticket().sessionNumber()));
    if (customer instanceof WindowCustomer window) {
      window.heading(heading);
    }
    customer.tell(heading);
    ConsentGate consent =
        new AskingConsent(customer, Duration.ofSeconds(options.consentTimeoutSeconds()));
    if (options.consentPolicy() != null) {
      consent = PolicyConsent.load(options.consentPolicy(), consent, customer);
    }
    try {
      new AgentRuntime(
              state,
              folder,
              customer,
              consent,
              system,
              new ComputerRestart(options.rebootCommand()),
              AccountSwitch.forThisComputer(),
              Duration.ofSeconds(options.logOffAfterSeconds()))
          .run();
      return OK;
    } catch (java.security.GeneralSecurityException e) {
      err.println(
          Texts.get("unreachable", state.server(), "this agent's key is damaged: join again"));
      return REFUSED;
    } catch (jakarta.jms.JMSSecurityException e) {
      err.println(Texts.get("ended"));
      AgentState.clear(folder);
      return REFUSED;
    } catch (jakarta.jms.JMSException e) {
      err.println(Texts.get("unreachable", state.server(), e.getMessage()));
      return UNREACHABLE;
    }
  }
}
