package org.assist.agent.customer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assist.agent.Texts;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.ConsentAnswer.How;

/**
 * The customer in a terminal: lines on standard output, answers typed on standard input (read by
 * one background thread, so a question can time out). A closed input counts as "no".
 */
public final class TerminalCustomer implements Customer {
  private static final String END = "\u0000end";

  private final PrintStream out;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile boolean asking;
  private volatile java.util.function.Consumer<String> chatSink = line -> {};

  public TerminalCustomer(InputStream in, PrintStream out) {
    this.out = out;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader input =
                  new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                String line;
                while ((line = input.readLine()) != null) {
                  // a line is an answer while a question waits, else a chat message
                  if (asking) {
                    lines.add(line);
                  } else if (!line.isBlank()) {
                    chatSink.accept(line);
                  }
                }
              } catch (IOException e) {
                // input closed: no more answers
              }
              lines.add(END);
            },
            "assist-terminal-input");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public synchronized void tell(String text) {
    out.println(text);
    out.flush();
  }

  @Override
  public synchronized ConsentAnswer ask(ConsentRequest request, Duration timeout) {
    lines.removeIf(line -> !END.equals(line));
    asking = true;
    try {
      return answer(request, timeout);
    } finally {
      asking = false;
    }
  }

  private ConsentAnswer answer(ConsentRequest request, Duration timeout) {
    out.println(request.question());
    out.println(Texts.get("consent.question", timeout.toSeconds()));
    out.flush();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
        if (line == null) {
          return null;
        }
        if (END.equals(line)) {
          lines.add(END);
          return new ConsentAnswer(false, How.NO_INPUT);
        }
        switch (line.strip().toLowerCase(Locale.ROOT)) {
          case "y", "yes", "o", "oui" -> {
            return new ConsentAnswer(true, How.CUSTOMER);
          }
          case "a", "always", "toujours" -> {
            return new ConsentAnswer(true, How.CUSTOMER_FOR_SESSION);
          }
          case "n", "no", "non" -> {
            return new ConsentAnswer(false, How.CUSTOMER);
          }
          default ->
              out.println(
                  Texts.get("consent.question", Math.max(0, TimeUnit.NANOSECONDS.toSeconds(left))));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void onChat(java.util.function.Consumer<String> sink) {
    chatSink = sink;
  }

  @Override
  public void close() {
    out.flush();
  }
}
