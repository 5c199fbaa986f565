package org.assist.agent;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.assist.agent.customer.ConsentGate;
import org.assist.agent.customer.ConsentRequest;
import org.assist.agent.customer.Customer;
import org.assist.agent.login.AccountLogIn;
import org.assist.agent.login.AccountSwitch;
import org.assist.agent.messaging.BrokerLink;
import org.assist.agent.messaging.CertificatePin;
import org.assist.agent.messaging.CertificatePin.WrongServerException;
import org.assist.agent.messaging.CommandCheck;
import org.assist.agent.messaging.CommandJournal;
import org.assist.agent.messaging.Outbox;
import org.assist.agent.messaging.PinnedTrustManagerFactory;
import org.assist.agent.restart.ComputerRestart;
import org.assist.agent.restart.PendingRun;
import org.assist.agent.scripts.RunReporter;
import org.assist.agent.scripts.ScriptFiles;
import org.assist.agent.scripts.ScriptInProgress;
import org.assist.agent.scripts.ScriptRunner;
import org.assist.agent.sysinfo.SystemInfoCollector;
import org.assist.protocol.Bye;
import org.assist.protocol.ChatText;
import org.assist.protocol.Command;
import org.assist.protocol.CommandBody;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.CommandType;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Event;
import org.assist.protocol.EventBody;
import org.assist.protocol.Hello;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.JmsCodec.SignedCommand;
import org.assist.protocol.LogInCredentials;
import org.assist.protocol.LogInRequest;
import org.assist.protocol.LogOff;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.RateBudget;
import org.assist.protocol.Refusal;
import org.assist.protocol.RunFinished;
import org.assist.protocol.RunPlan;
import org.assist.protocol.SealedCredentials;
import org.assist.protocol.SessionNumber;
import org.assist.protocol.StepFinished;
import org.assist.protocol.TrustUpdate;
import org.assist.protocol.Trusted;

/**
 * The agent at work in a session: connected to the broker, it runs each signed command once, asks
 * the customer first where the command needs it, and reports back. Long work (collecting, running
 * scripts) happens on one worker thread, so chat and the end of the session are heard meanwhile. It
 * stops when the technician ends the session or the customer stops it.
 */
final class AgentRuntime {
  /** The mark left in the state folder while the computer restarts. */
  static final String RESTARTING = "restarting";

  /** Why the computer does not restart now: the customer must get it back first. */
  private static final String WORKING_AS_ANOTHER =
      "the technician works as another account: log off first";

  /** Why a script has no end: the agent found it unfinished at its start. */
  static final String STOPPED_MID_SCRIPT =
      "the agent was stopped while this script ran (ended, or the computer went down): what the"
          + " script did after its last output is not known";

  /** Why a run has no end: the agent found it unfinished at its start, between two scripts. */
  static final String STOPPED_MID_RUN =
      "the agent was stopped during the run, between two scripts (ended, or the computer went down)";

  /** Replaced when the server renews its keys. */
  private volatile AgentState state;

  private final Path stateDir;
  private final Customer customer;
  private final ConsentGate consent;
  private final SystemInfoCollector collector;
  private volatile CommandCheck check;
  private final CommandJournal journal;
  private final ScriptRunner runner;
  private final ComputerRestart restart;
  private final AccountLogIn logIn;
  private final Duration logOffAfter;
  private volatile ScheduledFuture<?> outOfReach;

  /** The certificate the customer was last told a server presented instead of the pinned one. */
  private volatile String refusedCertificate;

  private final CountDownLatch ended = new CountDownLatch(1);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("assist-timer"));
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("assist-worker"));
  private BrokerLink link;
  private final Outbox outbox;
  private final RateBudget typed = new RateBudget(RateBudget.CHAT);
  private volatile boolean tooFast;

  /**
   * The technician ended the session: the server revoked this agent, the broker refuses its sends.
   */
  private volatile boolean sessionEnded;

  AgentRuntime(
      AgentState state,
      Path stateDir,
      Customer customer,
      ConsentGate consent,
      SystemInfoCollector collector,
      ComputerRestart restart,
      AccountSwitch accounts,
      Duration logOffAfter)
      throws IOException, GeneralSecurityException {
    this.restart = restart;
    this.logOffAfter = logOffAfter;
    this.state = state;
    this.stateDir = stateDir;
    this.customer = customer;
    this.consent = consent;
    this.collector = collector;
    this.check =
        new CommandCheck(
            state.ticket().agentId(),
            CommandSignature.decodePublicKey(state.identity().signingKey()));
    this.journal = new CommandJournal(stateDir.resolve("journal.txt"));
    this.outbox = new Outbox(stateDir.resolve(AgentState.OUTBOX));
    this.runner =
        new ScriptRunner(
            stateDir,
            new ScriptFiles(state.server(), state.ticket().agentId(), state.ticket().secret()));
    this.logIn =
        new AccountLogIn(
            accounts,
            customer,
            consent,
            account -> {
              runner.workAs(accounts, account);
              collector.workingAs(account);
            },
            state.agentKey() == null ? null : SealedCredentials.privateKey(state.agentKey()),
            state.ticket().technician(),
            this::sayLogIn);
  }

  /** Runs until the session ends. */
  void run() throws JMSException, InterruptedException {
    link = new BrokerLink(state.server(), state.ticket());
    Thread leave = new Thread(this::leave, "assist-leave");
    Runtime.getRuntime().addShutdownHook(leave);
    try {
      customer.tell(Texts.get("connecting"));
      PinnedTrustManagerFactory.onRefused(this::wrongServer);
      link.start(this::onCommand, this::linkChanged);
      customer.tell(Texts.get("connected"));
      outbox.start(link::sendAll);
      if (backFromRestart()) {
        customer.tell(
            Texts.get(
                "backAfterRestart",
                state.ticket().technician(),
                SessionNumber.display(state.ticket().sessionNumber())));
      }
      customer.onChat(this::chat);
      customer.tell(Texts.get("chatHint"));
      send(null, hello());
      reportCutScript();
      resumeRun();
      ended.await();
      Runtime.getRuntime().removeShutdownHook(leave);
    } finally {
      timer.shutdownNow();
      worker.shutdownNow();
      outbox.close();
      link.close();
    }
  }

  private void onCommand(Message message) {
    try {
      SignedCommand signed;
      try {
        signed = JmsCodec.readCommand(message);
      } catch (MalformedMessageException e) {
        refuse(message.getJMSCorrelationID(), "malformed command: " + e.getMessage());
        message.acknowledge();
        return;
      }
      Command command = signed.command();
      if (isStaleTrustUpdate(signed)) {
        // a second copy of keys this agent took already: nothing to do, nothing to check
        message.acknowledge();
        return;
      }
      String refusal = check.refusal(signed, Instant.now());
      if (refusal != null) {
        refuse(command.id(), refusal);
        message.acknowledge();
        return;
      }
      if (journal.contains(command.id())) {
        message.acknowledge();
        return;
      }
      // journaled and acknowledged before acting: a redelivery (after a crash or a restart)
      // never runs a command twice
      journal.add(command.id());
      message.acknowledge();
      CommandBody body;
      try {
        body = signed.body();
        Duration answerWithin = command.type().asksConsent() ? signed.consentTimeout() : null;
        if (answerWithin != null) {
          consent.answerWithin(answerWithin);
        }
      } catch (MalformedMessageException e) {
        refuse(command.id(), e.getMessage());
        return;
      }
      switch (command.type()) {
        case CHAT -> {
          ChatText chat = (ChatText) body;
          customer.chat(chat.from() == null ? "?" : chat.from(), chat.text());
        }
        case SYSTEM_INFO -> worker.execute(() -> safely(() -> systemInfo(command)));
        case RUN_SCRIPTS -> worker.execute(() -> safely(() -> runScripts(signed, (RunPlan) body)));
        case TRUST_UPDATE -> trust(command.id(), (TrustUpdate) body);
        case RESTART -> worker.execute(() -> safely(() -> restart(command)));
        case LOG_IN_AS ->
            worker.execute(
                () ->
                    safely(() -> logIn.request(command.id(), ((LogInRequest) body).credentials())));
        case CREDENTIALS ->
            worker.execute(
                () ->
                    safely(
                        () ->
                            logIn.credentials(
                                command.id(), ((LogInCredentials) body).credentials())));
        case LOG_OFF -> safely(() -> logIn.logOff(command.id(), ((LogOff) body).reason(), false));
        case END_SESSION -> {
          // nothing more to say: the server ended the session and revoked this agent (a goodbye,
          // or the cancelled script's last events, would be refused by the broker)
          sessionEnded = true;
          outbox.clear();
          runner.cancel();
          safely(() -> logIn.logOff(null, null, true));
          customer.tell(Texts.get("ended"));
          AgentState.clear(stateDir);
          ended.countDown();
        }
      }
    } catch (JMSException | IOException e) {
      // not acknowledged: the broker delivers the command again
      customer.tell("Error: " + e.getMessage());
      throw new IllegalStateException(e);
    }
  }

  /** Whether this start follows a restart the customer allowed (its mark is then removed). */
  private boolean backFromRestart() {
    try {
      return Files.deleteIfExists(stateDir.resolve(RESTARTING));
    } catch (IOException e) {
      return false;
    }
  }

  private boolean isStaleTrustUpdate(SignedCommand signed) {
    if (signed.command().type() != CommandType.TRUST_UPDATE) {
      return false;
    }
    try {
      return ((TrustUpdate) signed.body()).version() <= state.identity().version();
    } catch (MalformedMessageException e) {
      return false;
    }
  }

  /**
   * The server renewed its keys: the update was signed with the key trusted until now, so the new
   * key (and certificates) are trusted from now on, kept in the state folder, and the server told.
   */
  private void trust(String commandId, TrustUpdate update) throws IOException {
    if (update.version() <= state.identity().version()) {
      return;
    }
    AgentState renewed =
        new AgentState(
            state.server(), state.identity().updatedBy(update), state.ticket(), state.agentKey());
    renewed.save(stateDir);
    CertificatePin.pin(renewed.identity().certificate());
    check =
        new CommandCheck(
            state.ticket().agentId(), CommandSignature.decodePublicKey(update.signingKey()));
    state = renewed;
    send(commandId, new Trusted(update.version()));
  }

  private interface Work {
    void run() throws Exception;
  }

  private void safely(Work work) {
    try {
      work.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      customer.tell("Error: " + e.getMessage());
    }
  }

  /**
   * Restarts the computer once the customer allows it. The command was journaled before this, so it
   * is never carried out twice; a mark in the state folder tells the agent started after the
   * restart to say the customer is back in the session.
   */
  private void restart(Command command) throws IOException, InterruptedException {
    if (logIn.workingAs() != null) {
      send(command.id(), new Refusal(WORKING_AS_ANOTHER));
      return;
    }
    ConsentAnswer answer =
        consent.ask(
            new ConsentRequest(
                "restart", Texts.get("consent.restart", state.ticket().technician())));
    consented(command, answer);
    if (!answer.granted()) {
      return;
    }
    Files.writeString(stateDir.resolve(RESTARTING), command.id());
    customer.tell(Texts.get("restarting"));
    String failed = restart.restart();
    if (failed != null) {
      Files.deleteIfExists(stateDir.resolve(RESTARTING));
      customer.tell(Texts.get("restartFailed", failed));
      refuse(command.id(), "restart failed: " + failed);
    }
  }

  private void systemInfo(Command command) {
    ConsentAnswer answer =
        ask(
            new ConsentRequest(
                "system-info", Texts.get("consent.systemInfo", state.ticket().technician())));
    consented(command, answer);
    if (answer.granted()) {
      send(command.id(), collector.collect());
      // a collection is a burst; give the memory back to the customer's computer
      System.gc();
    }
  }

  private void runScripts(SignedCommand signed, RunPlan plan) throws InterruptedException {
    String names =
        String.join(
            ", ",
            plan.steps().stream()
                .map(step -> step.isRestart() ? Texts.get("restartStep") : step.name())
                .toList());
    ConsentAnswer answer =
        ask(
            new ConsentRequest(
                "run-scripts",
                Texts.get("consent.runScripts", state.ticket().technician(), names)));
    // a yes may wait a moment to go with the run's first events: a quick run is one message
    send(signed.command().id(), answer, answer.granted());
    if (!answer.granted()) {
      return;
    }
    carryOn(signed, plan, 0, null);
  }

  /**
   * Runs the plan from step {@code from}; after a restart step, first says how long it took. A run
   * that reaches a restart step is kept in the state folder and goes on after the restart.
   */
  private void carryOn(SignedCommand signed, RunPlan plan, int from, Long restartMillis)
      throws InterruptedException {
    String commandId = signed.command().id();
    ScriptInProgress inProgress = new ScriptInProgress(stateDir, commandId);
    inProgress.runStarted();
    RunReporter reporter =
        new RunReporter(
            plan, customer, timer, (event, mayWait) -> send(commandId, event, mayWait), inProgress);
    if (restartMillis != null) {
      reporter.finished(from - 1, 0, restartMillis, false, false, null);
    }
    String error =
        runner.run(
            plan,
            from,
            reporter,
            step -> {
              // the run is carried over the restart (PendingRun), not cut by it
              inProgress.runEnded();
              String failed = restartDuringRun(signed, step);
              if (failed != null) {
                inProgress.runStarted();
              }
              return failed;
            });
    if (ScriptRunner.RESTARTING.equals(error)) {
      inProgress.runEnded();
      return;
    }
    send(commandId, new RunFinished(error == null, error));
    inProgress.runEnded();
  }

  /** A run's restart step: the run is kept for after it, then the computer restarts. */
  private String restartDuringRun(SignedCommand signed, int step) throws InterruptedException {
    if (logIn.workingAs() != null) {
      return WORKING_AS_ANOTHER;
    }
    try {
      new PendingRun(signed, step, Instant.now()).save(stateDir);
      Files.writeString(stateDir.resolve(RESTARTING), signed.command().id());
    } catch (IOException e) {
      return "the run cannot be kept for after the restart: " + e.getMessage();
    }
    customer.tell(Texts.get("restarting"));
    String failed = restart.restart();
    if (failed != null) {
      try {
        PendingRun.forget(stateDir);
        Files.deleteIfExists(stateDir.resolve(RESTARTING));
      } catch (IOException e) {
        // nothing more to undo
      }
      customer.tell(Texts.get("restartFailed", failed));
      return "restart failed: " + failed;
    }
    return null;
  }

  /**
   * The agent was stopped in the middle of a run (killed, or the computer went down without waiting
   * for it): the server hears that the run ended there, and the script that was running with it.
   * What the script wrote before was kept in the outbox and went first.
   */
  private void reportCutScript() {
    ScriptInProgress.take(stateDir)
        .ifPresent(
            cut -> {
              if (cut.step() >= 0) {
                send(
                    cut.commandId(),
                    new StepFinished(cut.step(), null, 0, false, false, STOPPED_MID_SCRIPT, null));
              }
              send(
                  cut.commandId(),
                  new RunFinished(false, cut.step() >= 0 ? STOPPED_MID_SCRIPT : STOPPED_MID_RUN));
            });
  }

  /** Back after a run's restart step: the steps after it, checked again as the command was. */
  private void resumeRun() {
    try {
      Optional<PendingRun> pending = PendingRun.take(stateDir);
      if (pending.isEmpty()) {
        return;
      }
      SignedCommand signed = pending.get().command();
      String refusal = check.refusal(signed, Instant.now());
      if (refusal != null) {
        refuse(signed.command().id(), refusal);
        return;
      }
      RunPlan plan = (RunPlan) signed.body();
      long took = Duration.between(pending.get().restartedAt(), Instant.now()).toMillis();
      worker.execute(
          () -> safely(() -> carryOn(signed, plan, pending.get().restartStep() + 1, took)));
    } catch (IOException | MalformedMessageException e) {
      customer.tell("Error: " + e.getMessage());
    }
  }

  /** Asks the customer, unless a technician works as another account (the log-in allowed it). */
  private ConsentAnswer ask(ConsentRequest request) {
    ConsentAnswer working = logIn.consentWhileWorking();
    return working != null ? working : consent.ask(request);
  }

  /**
   * The link to the server went down or came back. While a technician works as another account, a
   * server out of reach longer than {@code logOffAfter} logs them off: the customer gets their
   * computer back.
   */
  private void linkChanged(boolean up) {
    customer.tell(Texts.get(up ? "connected" : "disconnected"));
    ScheduledFuture<?> pending = outOfReach;
    if (up) {
      refusedCertificate = null;
      if (pending != null) {
        pending.cancel(false);
        outOfReach = null;
      }
    } else if (pending == null && logIn.workingAs() != null) {
      outOfReach =
          timer.schedule(
              () ->
                  new Thread(
                          () -> safely(() -> logIn.logOff(null, "server out of reach", false)),
                          "assist-log-off")
                      .start(),
              logOffAfter.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The broker's port answered with another certificate than the pinned one: nothing was sent. The
   * customer is told once for each certificate met while the link is down, not at each attempt
   * (every few seconds); the link keeps trying and is back when the trusted server answers.
   */
  private void wrongServer(WrongServerException wrong) {
    if (!wrong.presented().equals(refusedCertificate)) {
      refusedCertificate = wrong.presented();
      customer.tell(Texts.get("wrongServer", state.server(), wrong.presented(), wrong.expected()));
    }
  }

  /** Tells the server what came of a log-in (a log-off while out of reach: once it is back). */
  private void sayLogIn(String commandId, EventBody body) {
    send(commandId, body);
  }

  private void consented(Command command, ConsentAnswer answer) {
    send(command.id(), answer);
  }

  private void chat(String text) {
    // what the customer types goes at a person's pace: lines piped in by a program beyond it are
    // not sent (the server would drop them anyway)
    if (logIn.workingAs() != null) {
      customer.tell(Texts.get("chatSuspended"));
      return;
    }
    if (!typed.take(System.nanoTime())) {
      if (!tooFast) {
        tooFast = true;
        customer.tell(Texts.get("chatTooFast"));
      }
      return;
    }
    tooFast = false;
    send(null, ChatText.fromCustomer(clip(text, ChatText.MAX_TEXT)));
  }

  private void refuse(String commandId, String reason) {
    customer.tell(Texts.get("refusedCommand", reason));
    send(commandId, new Refusal(clip(reason, StepFinished.MAX_ERROR)));
  }

  private Hello hello() {
    return new Hello(
        collector.computerName(),
        collector.osName(),
        System.getProperty("user.name", ""),
        state.identity().version());
  }

  /** Text the customer or the computer wrote, cut to what one message may carry. */
  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** Tells the server, through the outbox: said once the server is reachable, never lost. */
  private void send(String commandId, EventBody body) {
    send(commandId, body, false);
  }

  /** The same; an event that may wait goes a moment later, with the next (see {@link Outbox}). */
  private void send(String commandId, EventBody body, boolean mayWait) {
    if (!sessionEnded) {
      outbox.add(Event.of(commandId, body), mayWait);
    }
  }

  /**
   * Ctrl+C, or the computer shutting down: says goodbye if the server can be reached within a
   * moment, never waits longer (a server out of reach must not keep the agent, or a restart, from
   * ending).
   */
  private void leave() {
    runner.cancel();
    // what the cancelled script said last goes now if it can, else at the next start
    bounded(
        () -> {
          try {
            outbox.awaitEmpty(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    bounded(
        () -> {
          try {
            if (!sessionEnded) {
              link.sendNow(Event.of(null, new Bye()), 10_000);
            }
          } catch (JMSException | RuntimeException e) {
            // leaving anyway
          }
        });
    customer.tell(Texts.get("stillThere"));
    bounded(link::close);
  }

  /** Runs this for two seconds at most. */
  private static void bounded(Runnable work) {
    Thread thread = new Thread(work, "assist-leaving");
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
