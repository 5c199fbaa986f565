package org.assist.agent.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.assist.protocol.ConsentAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentTest {
  private static final ConsentRequest SYSTEM_INFO =
      new ConsentRequest("system-info", "May I look?");
  @TempDir Path folder;

  private static TerminalCustomer terminal(String typed, ByteArrayOutputStream out) {
    return new TerminalCustomer(
        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true));
  }

  /** Types lines once the question is on the screen, as a person at the keyboard would. */
  private static ConsentAnswer answer(
      TerminalCustomer customer,
      ByteArrayOutputStream screen,
      PipedOutputStream keyboard,
      Duration timeout,
      String... lines)
      throws Exception {
    var asked =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> customer.ask(SYSTEM_INFO, timeout));
    awaitQuestion(screen);
    for (String line : lines) {
      keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    }
    return asked.get();
  }

  private static void awaitQuestion(ByteArrayOutputStream screen) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!screen.toString(StandardCharsets.UTF_8).contains(SYSTEM_INFO.question())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the question was never asked");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void theCustomerAnswersAtTheTerminal() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PipedOutputStream keyboard = new PipedOutputStream();
    TerminalCustomer customer =
        new TerminalCustomer(new PipedInputStream(keyboard), new PrintStream(out, true));
    ConsentAnswer answer = answer(customer, out, keyboard, Duration.ofSeconds(5), "maybe", "y");
    assertTrue(answer.granted());
    assertEquals(ConsentAnswer.How.CUSTOMER, answer.how());
    assertTrue(out.toString().contains("May I look?"));
  }

  @Test
  void linesTypedOutsideAQuestionAreChat() throws Exception {
    PipedOutputStream keyboard = new PipedOutputStream();
    TerminalCustomer customer =
        new TerminalCustomer(
            new PipedInputStream(keyboard), new PrintStream(new ByteArrayOutputStream(), true));
    java.util.concurrent.BlockingQueue<String> chat =
        new java.util.concurrent.LinkedBlockingQueue<>();
    customer.onChat(chat::add);
    keyboard.write("hello technician\n".getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    assertEquals("hello technician", chat.poll(5, java.util.concurrent.TimeUnit.SECONDS));
  }

  @Test
  void noAnswerInTimeIsNo() throws IOException {
    PipedOutputStream keyboard = new PipedOutputStream();
    TerminalCustomer customer =
        new TerminalCustomer(
            new PipedInputStream(keyboard), new PrintStream(new ByteArrayOutputStream(), true));
    assertNull(customer.ask(SYSTEM_INFO, Duration.ofMillis(200)));
    ConsentAnswer answer = new AskingConsent(customer, Duration.ofMillis(200)).ask(SYSTEM_INFO);
    assertFalse(answer.granted());
    assertEquals(ConsentAnswer.How.TIMEOUT, answer.how());
    keyboard.close();
  }

  @Test
  void theServersTimeReplacesTheAgentsOwn() throws IOException {
    PipedOutputStream keyboard = new PipedOutputStream();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    TerminalCustomer customer =
        new TerminalCustomer(new PipedInputStream(keyboard), new PrintStream(screen, true));
    AskingConsent consent = new AskingConsent(customer, Duration.ofSeconds(60));
    consent.answerWithin(Duration.ofMillis(200));
    ConsentAnswer answer = consent.ask(SYSTEM_INFO);
    assertEquals(ConsentAnswer.How.TIMEOUT, answer.how());
    keyboard.close();
  }

  @Test
  void closedInputIsNo() {
    ConsentAnswer answer =
        terminal("", new ByteArrayOutputStream()).ask(SYSTEM_INFO, Duration.ofSeconds(5));
    assertFalse(answer.granted());
  }

  @Test
  void yesForTheSessionIsRemembered() throws Exception {
    PipedOutputStream keyboard = new PipedOutputStream();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    TerminalCustomer customer =
        new TerminalCustomer(new PipedInputStream(keyboard), new PrintStream(screen, true));
    AskingConsent consent = new AskingConsent(customer, Duration.ofSeconds(5));
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> consent.ask(SYSTEM_INFO));
    awaitQuestion(screen);
    keyboard.write("a\n".getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    assertEquals(ConsentAnswer.How.CUSTOMER_FOR_SESSION, first.get().how());
    ConsentAnswer second = consent.ask(SYSTEM_INFO);
    assertTrue(second.granted());
    assertEquals(ConsentAnswer.How.REMEMBERED, second.how());
  }

  @Test
  void aPolicyAnswersForTheComputersAdministrator() throws IOException {
    Path policy = folder.resolve("policy.properties");
    Files.writeString(policy, "system-info=allow\n");
    Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rw-r--r--"));
    TerminalCustomer customer = terminal("", new ByteArrayOutputStream());
    ConsentAnswer answer =
        PolicyConsent.load(policy, new AskingConsent(customer, Duration.ofSeconds(1)), customer)
            .ask(SYSTEM_INFO);
    assertTrue(answer.granted());
    assertEquals(ConsentAnswer.How.POLICY, answer.how());

    Files.writeString(policy, "system-info=deny\n");
    assertFalse(PolicyConsent.load(policy, request -> null, customer).ask(SYSTEM_INFO).granted());

    // restarts and log-ins as another account have their lines too
    Files.writeString(policy, "restart=allow\nlog-in-as=deny\n");
    PolicyConsent rules = PolicyConsent.load(policy, request -> null, customer);
    assertTrue(rules.ask(new ConsentRequest("restart", "Restart?")).granted());
    assertFalse(rules.ask(new ConsentRequest("log-in-as", "Log in?")).granted());
    assertEquals(
        ConsentAnswer.How.POLICY, rules.ask(new ConsentRequest("log-in-as", "Log in?")).how());
  }

  @Test
  void aPolicyOthersCanWriteIsRefused() throws IOException {
    Path policy = folder.resolve("policy.properties");
    Files.writeString(policy, "system-info=allow\n");
    Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rw-rw-rw-"));
    TerminalCustomer customer = terminal("", new ByteArrayOutputStream());
    assertThrows(IOException.class, () -> PolicyConsent.load(policy, request -> null, customer));
    Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(policy, "system-info=always\n");
    assertThrows(IOException.class, () -> PolicyConsent.load(policy, request -> null, customer));
  }
}
