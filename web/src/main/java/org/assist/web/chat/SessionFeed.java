package org.assist.web.chat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assist.application.chat.ChatLine;
import org.assist.application.run.RunDetails;
import org.assist.application.run.RunService;
import org.assist.domain.chat.ChatMessage;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;
import org.assist.domain.run.StepState;
import org.assist.web.Messages;

/**
 * A session's chat as the console shows it: the messages of technician and customer, and the
 * scripts run meanwhile with their output (stdout and stderr marked) and their ends, in time order.
 * The same items make the whole chat when a page renders it and each new line pushed to open pages
 * ({@code Assist.addLines} in live.js draws them the way the page does).
 */
public final class SessionFeed {
  /** How much of one script's output the chat shows; the run's report keeps all of it. */
  static final int SHOWN_BYTES = 64 * 1024;

  static final int SHOWN_CHUNKS = 500;

  /**
   * One item of the chat; {@code id} names it in the page, so a line pushed twice (or pushed and
   * rendered) shows once.
   */
  public record Item(String id, Instant at, String kind, String who, String text, boolean stderr) {
    Item at(Instant when) {
      return new Item(id, when, kind, who, text, stderr);
    }
  }

  private SessionFeed() {}

  /** The whole chat of a session: its messages and its runs. */
  public static List<Item> of(
      long sessionId,
      List<ChatMessage> messages,
      List<RunDetails.Target> targets,
      RunService runs,
      Locale locale) {
    // one chunk more than shown tells whether there is more
    Map<Long, List<RunOutput>> output = runs.firstOutput(sessionId, SHOWN_CHUNKS + 1);
    List<Item> items = new ArrayList<>();
    for (ChatMessage message : messages) {
      items.addAll(of(new ChatLine.Message(message), locale));
    }
    for (RunDetails.Target target : targets) {
      for (RunStep step : target.steps()) {
        if (step.getStartedAt() != null) {
          items.addAll(ofStep(step, output.getOrDefault(step.getId(), List.of()), locale));
        }
      }
    }
    items.sort(Comparator.comparing(Item::at));
    return items;
  }

  /** What the chat shows of one line: usually one item; none or two for a chunk of output. */
  public static List<Item> of(ChatLine line, Locale locale) {
    if (line instanceof ChatLine.Message m) {
      ChatMessage message = m.message();
      return List.of(
          new Item(
              "c" + message.getId(),
              message.getAt(),
              message.isFromCustomer() ? "customer" : "technician",
              message.getAuthor(),
              message.getText(),
              false));
    }
    if (line instanceof ChatLine.Started started) {
      RunStep step = started.step();
      return List.of(
          item(
              "s" + step.getId(),
              step,
              step.getStartedAt(),
              "started",
              step.getExecutableSha256(),
              false));
    }
    if (line instanceof ChatLine.Output output) {
      return output(output.step(), output.chunk(), output.bytesBefore(), locale);
    }
    RunStep step = ((ChatLine.Ended) line).step();
    return List.of(
        item(
            "e" + step.getId(),
            step,
            step.getFinishedAt(),
            "finished",
            ending(step, locale),
            step.getState() != StepState.DONE));
  }

  /** A step's lines; they keep their order even if an event was redelivered late. */
  private static List<Item> ofStep(RunStep step, List<RunOutput> chunks, Locale locale) {
    List<Item> items = new ArrayList<>(of(new ChatLine.Started(step), locale));
    Instant last = step.getStartedAt();
    long before = 0;
    for (RunOutput chunk : chunks) {
      List<Item> shown = output(step, chunk, before, locale);
      for (Item item : shown) {
        last = later(item.at(), last.plusNanos(1));
        items.add(item.at(last));
      }
      if (shown.stream().anyMatch(item -> item.kind().equals("more"))) {
        break;
      }
      before += bytes(chunk.getText());
    }
    if (step.getFinishedAt() != null) {
      Item end = of(new ChatLine.Ended(step), locale).get(0);
      items.add(end.at(later(end.at(), last.plusNanos(1))));
    }
    return items;
  }

  /**
   * The chat shows a step's first {@link #SHOWN_CHUNKS} chunks of output up to {@link #SHOWN_BYTES}
   * in all; the first chunk not shown whole is cut there and followed by a line saying where the
   * rest is.
   */
  private static List<Item> output(RunStep step, RunOutput chunk, long bytesBefore, Locale locale) {
    int seq = chunk.getSeq();
    String text = chunk.getText();
    boolean whole = seq < SHOWN_CHUNKS && bytesBefore + bytes(text) <= SHOWN_BYTES;
    boolean previousWhole = seq == 0 || (seq <= SHOWN_CHUNKS && bytesBefore <= SHOWN_BYTES);
    String id = "o" + step.getId() + "-" + seq;
    if (whole) {
      return List.of(item(id, step, chunk.getAt(), "output", text, chunk.isStderr()));
    }
    if (!previousWhole) {
      return List.of();
    }
    List<Item> items = new ArrayList<>();
    String start =
        seq < SHOWN_CHUNKS ? prefix(text, (int) Math.max(0, SHOWN_BYTES - bytesBefore)) : "";
    if (!start.isEmpty()) {
      items.add(item(id, step, chunk.getAt(), "output", start, chunk.isStderr()));
    }
    items.add(
        item(
            "m" + step.getId(),
            step,
            chunk.getAt(),
            "more",
            Messages.text(locale, "feed.more"),
            false));
    return items;
  }

  /** An item of a script's: it names the script and its version. */
  private static Item item(
      String id, RunStep step, Instant at, String kind, String text, boolean stderr) {
    return new Item(id, at, kind, step.getName() + " v" + step.getVersionNumber(), text, stderr);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static long bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The longest start of {@code text} of at most {@code maxBytes} UTF-8 bytes. */
  static String prefix(String text, int maxBytes) {
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (used + size > maxBytes) {
        break;
      }
      used += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }

  private static String ending(RunStep step, Locale locale) {
    long millis = step.getDuration() == null ? 0 : step.getDuration().toMillis();
    if (step.isTimedOut()) {
      return Messages.text(locale, "feed.timedOut", step.getTimeoutSeconds(), millis);
    }
    if (step.getError() != null) {
      return step.getError();
    }
    if (step.getExitCode() == null) {
      // the run ended while it was running (the customer's computer went away, say)
      return Messages.text(locale, "run.step." + step.getState().name());
    }
    String ending = Messages.text(locale, "feed.exit", String.valueOf(step.getExitCode()), millis);
    return step.isTruncated() ? ending + " · " + Messages.text(locale, "feed.truncated") : ending;
  }
}
