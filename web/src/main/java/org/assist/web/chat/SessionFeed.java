package org.assist.web.chat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assist.application.chat.ChatLine;
import org.assist.application.chat.MessageRow;
import org.assist.application.run.RunDetails;
import org.assist.application.run.RunService;
import org.assist.domain.run.StepState;
import org.assist.protocol.JsonCodec;
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

  /** What a line of the chat is; the page draws each kind its own way. */
  public enum Kind {
    TECHNICIAN,
    CUSTOMER,
    /** A script started: {@code text} is its SHA-256 (none for a restart). */
    STARTED,
    OUTPUT,
    /** The chat shows no more of a script's output: {@code text} says where the rest is. */
    MORE,
    /** A script ended: {@code text} says how; {@code stderr} marks a failure. */
    FINISHED;

    /** How the page names it (CSS class {@code feed-started}, ...). */
    public String css() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One line of the chat; {@code id} names it in the page, so a line pushed twice (or pushed and
   * rendered) shows once.
   */
  public record Item(String id, Instant at, Kind kind, String who, String text, boolean stderr) {
    Item at(Instant when) {
      return new Item(id, when, kind, who, text, stderr);
    }

    /** The line as the page's script draws it; what it lacks is empty. */
    public JsonObject toJson() {
      return JsonCodec.object()
          .add("id", id)
          .add("kind", kind.css())
          .add("who", who == null ? "" : who)
          .add("text", text == null ? "" : text)
          .add("stderr", stderr)
          .build();
    }
  }

  private SessionFeed() {}

  /** The whole chat of a session: its messages and its runs. */
  public static List<Item> of(
      long sessionId,
      List<MessageRow> messages,
      List<RunDetails.Target> targets,
      RunService runs,
      Locale locale) {
    // one chunk more than shown tells whether there is more
    Map<Long, List<RunDetails.Output>> output = runs.firstOutput(sessionId, SHOWN_CHUNKS + 1);
    List<Item> items = new ArrayList<>();
    for (MessageRow message : messages) {
      items.addAll(of(new ChatLine.Message(message), locale));
    }
    for (RunDetails.Target target : targets) {
      for (RunDetails.Step step : target.steps()) {
        if (step.startedAt() != null) {
          items.addAll(ofStep(step, output.getOrDefault(step.id(), List.of()), locale));
        }
      }
    }
    items.sort(Comparator.comparing(Item::at));
    return items;
  }

  /** What the chat shows of one line: usually one item; none or two for a chunk of output. */
  public static List<Item> of(ChatLine line, Locale locale) {
    if (line instanceof ChatLine.Message m) {
      MessageRow message = m.message();
      return List.of(
          new Item(
              "c" + message.id(),
              message.at(),
              message.fromCustomer() ? Kind.CUSTOMER : Kind.TECHNICIAN,
              message.author(),
              message.text(),
              false));
    }
    if (line instanceof ChatLine.Started started) {
      RunDetails.Step step = started.step();
      return List.of(
          item(
              "s" + step.id(), step, step.startedAt(), Kind.STARTED, step.sha256(), false, locale));
    }
    if (line instanceof ChatLine.Output output) {
      return output(output.step(), output.chunk(), output.bytesBefore(), locale);
    }
    RunDetails.Step step = ((ChatLine.Ended) line).step();
    return List.of(
        item(
            "e" + step.id(),
            step,
            step.finishedAt(),
            Kind.FINISHED,
            ending(step, locale),
            step.state() != StepState.DONE,
            locale));
  }

  /** A step's lines; they keep their order even if an event was redelivered late. */
  private static List<Item> ofStep(
      RunDetails.Step step, List<RunDetails.Output> chunks, Locale locale) {
    List<Item> items = new ArrayList<>(of(new ChatLine.Started(step), locale));
    Instant last = step.startedAt();
    long before = 0;
    for (RunDetails.Output chunk : chunks) {
      List<Item> shown = output(step, chunk, before, locale);
      for (Item item : shown) {
        last = later(item.at(), last.plusNanos(1));
        items.add(item.at(last));
      }
      if (shown.stream().anyMatch(item -> item.kind() == Kind.MORE)) {
        break;
      }
      before += bytes(chunk.text());
    }
    if (step.finishedAt() != null) {
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
  private static List<Item> output(
      RunDetails.Step step, RunDetails.Output chunk, long bytesBefore, Locale locale) {
    int seq = chunk.seq();
    String text = chunk.text();
    boolean whole = seq < SHOWN_CHUNKS && bytesBefore + bytes(text) <= SHOWN_BYTES;
    boolean previousWhole = seq == 0 || (seq <= SHOWN_CHUNKS && bytesBefore <= SHOWN_BYTES);
    String id = "o" + step.id() + "-" + seq;
    if (whole) {
      return List.of(item(id, step, chunk.at(), Kind.OUTPUT, text, chunk.stderr(), locale));
    }
    if (!previousWhole) {
      return List.of();
    }
    List<Item> items = new ArrayList<>();
    String start =
        seq < SHOWN_CHUNKS ? prefix(text, (int) Math.max(0, SHOWN_BYTES - bytesBefore)) : "";
    if (!start.isEmpty()) {
      items.add(item(id, step, chunk.at(), Kind.OUTPUT, start, chunk.stderr(), locale));
    }
    items.add(
        item(
            "m" + step.id(),
            step,
            chunk.at(),
            Kind.MORE,
            Messages.text(locale, "feed.more"),
            false,
            locale));
    return items;
  }

  /** An item of a step's: it names the script and its version, or the restart. */
  private static Item item(
      String id,
      RunDetails.Step step,
      Instant at,
      Kind kind,
      String text,
      boolean stderr,
      Locale locale) {
    String who =
        step.restart()
            ? Messages.text(locale, "run.restartStep")
            : step.name() + " v" + step.version();
    return new Item(id, at, kind, who, text, stderr);
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

  private static String ending(RunDetails.Step step, Locale locale) {
    long millis = step.durationMillis() == null ? 0 : step.durationMillis();
    if (step.timedOut()) {
      return Messages.text(locale, "feed.timedOut", step.timeoutSeconds(), millis);
    }
    if (step.error() != null) {
      return step.error();
    }
    if (step.exitCode() == null) {
      // the run ended while it was running (the customer's computer went away, say)
      return Messages.text(locale, "run.step." + step.state().name());
    }
    String ending = Messages.text(locale, "feed.exit", String.valueOf(step.exitCode()), millis);
    if (step.truncated()) {
      ending += " · " + Messages.text(locale, "feed.truncated");
    }
    if (step.outputMissing() > 0) {
      ending += " · " + Messages.text(locale, "feed.gap", step.outputMissing());
    }
    return ending;
  }
}
