package org.assist.agent.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assist.agent.customer.ConsentRequest;
import org.assist.agent.customer.Customer;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Credentials;
import org.assist.protocol.EventBody;
import org.assist.protocol.LogInOutcome;
import org.assist.protocol.LogInOutcome.Outcome;
import org.assist.protocol.SealedCredentials;
import org.junit.jupiter.api.Test;

/** The agent's side of a log-in as another account, with an operating system that knows one. */
class AccountLogInTest {
  private static final KeyPair KEY = SealedCredentials.newKeyPair();

  private final List<String> told = new ArrayList<>();
  private final List<EventBody> said = new ArrayList<>();
  private final List<String> workingAs = new ArrayList<>();
  private boolean allow = true;

  /** Knows marie with the password "juste"; can switch unless told why not. */
  private record System(String cannot) implements AccountSwitch {
    @Override
    public String cannotSwitch() {
      return cannot;
    }

    @Override
    public String check(Credentials credentials) {
      return credentials.username().equals("marie") && credentials.password().equals("juste")
          ? null
          : "refused";
    }

    @Override
    public List<String> runAs(String account, List<String> command) {
      return command;
    }

    @Override
    public void give(Path path, String account) {}

    @Override
    public String lockDesktop() {
      return "locked";
    }
  }

  private AccountLogIn logIn(AccountSwitch accounts, java.security.PrivateKey key) {
    Customer customer =
        new Customer() {
          @Override
          public void tell(String text) {
            told.add(text);
          }

          @Override
          public ConsentAnswer ask(ConsentRequest request, Duration timeout) {
            return null;
          }

          @Override
          public void onChat(java.util.function.Consumer<String> sink) {}

          @Override
          public void close() {}
        };
    return new AccountLogIn(
        accounts,
        customer,
        request -> new ConsentAnswer(allow, ConsentAnswer.How.CUSTOMER),
        workingAs::add,
        key,
        "Alice",
        (command, body) -> said.add(body));
  }

  private static SealedCredentials sealed(String user, String password) {
    return SealedCredentials.seal(new Credentials(user, password, null), KEY.getPublic());
  }

  @Test
  void afterConsentTheRightCredentialsSwitchAndTheLogOffSwitchesBack() throws Exception {
    AccountLogIn logIn = logIn(new System(null), KEY.getPrivate());
    logIn.request("c1", null);
    assertEquals(new ConsentAnswer(true, ConsentAnswer.How.CUSTOMER), said.get(0));
    logIn.credentials("c2", sealed("marie", "faux"));
    assertEquals(Outcome.WRONG_CREDENTIALS, ((LogInOutcome) said.get(1)).outcome());
    assertNull(logIn.workingAs());
    // the consent holds: typed again
    logIn.credentials("c3", sealed("marie", "juste"));
    assertEquals(new LogInOutcome(Outcome.LOGGED_IN, "marie", "desktop locked"), said.get(2));
    assertEquals("marie", logIn.workingAs());
    assertEquals(ConsentAnswer.How.LOGGED_IN, logIn.consentWhileWorking().how());
    assertTrue(
        told.stream().anyMatch(line -> line.contains("Alice is working on this computer as marie")),
        told.toString());

    logIn.logOff("c4", "asked", false);
    assertEquals(new LogInOutcome(Outcome.LOGGED_OFF, "marie", "asked"), said.get(3));
    assertEquals(java.util.Arrays.asList("marie", null), workingAs);
    assertNull(logIn.consentWhileWorking());
    assertTrue(told.get(told.size() - 1).contains("you are back in the session"), told.toString());
    // the consent was used: credentials alone are refused now
    logIn.credentials("c5", sealed("marie", "juste"));
    assertEquals(Outcome.CANNOT_SWITCH, ((LogInOutcome) said.get(4)).outcome());
  }

  @Test
  void aDeclinedRequestTakesNoCredentials() throws Exception {
    allow = false;
    AccountLogIn logIn = logIn(new System(null), KEY.getPrivate());
    logIn.request("c1", sealed("marie", "juste"));
    assertEquals(1, said.size());
    assertNull(logIn.workingAs());
    logIn.credentials("c2", sealed("marie", "juste"));
    assertEquals(Outcome.CANNOT_SWITCH, ((LogInOutcome) said.get(1)).outcome());
  }

  @Test
  void anAgentThatCannotSwitchSaysWhyWithoutAskingTheCustomer() throws Exception {
    AccountLogIn logIn = logIn(new System("not a service"), KEY.getPrivate());
    logIn.request("c1", sealed("marie", "juste"));
    assertEquals(List.of(new LogInOutcome(Outcome.CANNOT_SWITCH, null, "not a service")), said);
    AccountLogIn keyless = logIn(new System(null), null);
    keyless.request("c2", null);
    assertTrue(((LogInOutcome) said.get(1)).reason().contains("join again"));
    AccountLogIn otherKey = logIn(new System(null), SealedCredentials.newKeyPair().getPrivate());
    otherKey.request("c3", sealed("marie", "juste"));
    assertEquals(Outcome.CANNOT_SWITCH, ((LogInOutcome) said.get(said.size() - 1)).outcome());
  }

  @Test
  void anOrdinaryAccountCannotSwitchOnLinux() {
    String reason = new LinuxAccountSwitch(1000).cannotSwitch();
    assertTrue(reason.contains("install the agent as a service"), reason);
    assertEquals(
        List.of(LinuxAccountSwitch.RUNUSER, "-u", "marie", "--", "/bin/sh", "x"),
        new LinuxAccountSwitch(0).runAs("marie", List.of("/bin/sh", "x")));
  }
}
