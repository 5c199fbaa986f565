package org.assist.agent.login;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.assist.agent.Texts;
import org.assist.agent.customer.ConsentGate;
import org.assist.agent.customer.ConsentRequest;
import org.assist.agent.customer.Customer;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Credentials;
import org.assist.protocol.EventBody;
import org.assist.protocol.LogInOutcome;
import org.assist.protocol.LogInOutcome.Outcome;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.SealedCredentials;

/**
 * A technician working on the computer as another of its accounts. The customer (or the consent
 * policy) allows it first; the credentials arrive sealed to this agent's key and are checked by the
 * operating system; from then on scripts run as that account, the customer's chat and prompts are
 * suspended (what needs consent is allowed by this one) and their desktop locked where the platform
 * allows, until the log-off: asked by the technician, the session ending, or the server out of
 * reach too long. The credentials are never kept: only the account's name is.
 */
public final class AccountLogIn {
  /** How long the customer's consent waits for the technician to type the credentials. */
  static final Duration ALLOWANCE = Duration.ofMinutes(10);

  /** Sends an event about a command (or none) to the server. */
  @FunctionalInterface
  public interface Reply {
    void send(String commandId, EventBody body) throws Exception;
  }

  private final AccountSwitch accounts;
  private final Customer customer;
  private final ConsentGate consent;
  private final Consumer<String> working;
  private final PrivateKey key;
  private final String technician;
  private final Reply reply;

  private String allowedFor;
  private Instant allowedUntil;
  private volatile String workingAs;

  /**
   * @param working told the account scripts and the system information work as from now on (null:
   *     the agent's own)
   * @param key this agent's private key; null for an agent that joined without one
   */
  public AccountLogIn(
      AccountSwitch accounts,
      Customer customer,
      ConsentGate consent,
      Consumer<String> working,
      PrivateKey key,
      String technician,
      Reply reply) {
    this.accounts = accounts;
    this.customer = customer;
    this.consent = consent;
    this.working = working;
    this.key = key;
    this.technician = technician;
    this.reply = reply;
  }

  /** The account the technician works as; null when none. */
  public String workingAs() {
    return workingAs;
  }

  /**
   * The technician asks to log in: said impossible at once where it is, else the customer is asked;
   * with credentials, they are tried once allowed.
   */
  public void request(String commandId, SealedCredentials sealed) throws Exception {
    String cannot = cannotLogIn();
    if (cannot != null) {
      reply.send(commandId, new LogInOutcome(Outcome.CANNOT_SWITCH, null, cannot));
      return;
    }
    // asked without holding this: a log-off meanwhile does not wait for the customer's answer
    ConsentAnswer answer =
        consent.ask(new ConsentRequest("log-in-as", Texts.get("consent.logInAs", technician)));
    reply.send(commandId, answer);
    if (!answer.granted()) {
      return;
    }
    synchronized (this) {
      allowedFor = commandId;
      allowedUntil = Instant.now().plus(ALLOWANCE);
      if (sealed == null) {
        customer.tell(Texts.get("logInAllowed"));
      } else {
        logIn(commandId, sealed);
      }
    }
  }

  /** The credentials the technician typed after the customer allowed it. */
  public synchronized void credentials(String commandId, SealedCredentials sealed)
      throws Exception {
    if (allowedFor == null || Instant.now().isAfter(allowedUntil)) {
      allowedFor = null;
      reply.send(
          commandId,
          new LogInOutcome(
              Outcome.CANNOT_SWITCH,
              null,
              "the customer's consent to log in is over: ask the customer again"));
      return;
    }
    logIn(commandId, sealed);
  }

  private void logIn(String commandId, SealedCredentials sealed) throws Exception {
    Credentials credentials;
    try {
      credentials = sealed.open(key);
    } catch (MalformedMessageException e) {
      reply.send(commandId, new LogInOutcome(Outcome.CANNOT_SWITCH, null, e.getMessage()));
      return;
    }
    String refused = accounts.check(credentials);
    if (refused != null) {
      // the consent holds: the technician may type them again
      customer.tell(Texts.get("logInRefused", credentials.account(), refused));
      reply.send(
          commandId, new LogInOutcome(Outcome.WRONG_CREDENTIALS, credentials.account(), refused));
      return;
    }
    allowedFor = null;
    workingAs = credentials.username();
    working.accept(workingAs);
    customer.tell(Texts.get("workingAs", technician, workingAs));
    String desktop = accounts.lockDesktop();
    reply.send(commandId, new LogInOutcome(Outcome.LOGGED_IN, workingAs, "desktop " + desktop));
  }

  /**
   * Works as the agent's own account again and tells the customer they are back; says so to the
   * server unless {@code quietly} (the session ended). Nothing happens when nobody works as another
   * account.
   */
  public synchronized void logOff(String commandId, String reason, boolean quietly)
      throws Exception {
    allowedFor = null;
    String account = workingAs;
    if (account == null) {
      if (commandId != null && !quietly) {
        reply.send(commandId, new LogInOutcome(Outcome.LOGGED_OFF, null, reason));
      }
      return;
    }
    workingAs = null;
    working.accept(null);
    customer.tell(Texts.get("loggedOff", account));
    if (!quietly) {
      reply.send(commandId, new LogInOutcome(Outcome.LOGGED_OFF, account, reason));
    }
  }

  /**
   * While the technician works as another account the customer is not asked: what needs consent is
   * allowed by their consent to the log-in. Null when nobody works as another account.
   */
  public ConsentAnswer consentWhileWorking() {
    return workingAs == null ? null : new ConsentAnswer(true, ConsentAnswer.How.LOGGED_IN);
  }

  private String cannotLogIn() {
    if (workingAs != null) {
      return "the technician works as " + workingAs + " already: log off first";
    }
    String cannot = accounts.cannotSwitch();
    if (cannot != null) {
      return cannot;
    }
    return key == null ? "this agent joined without a key for credentials: join again" : null;
  }
}
