package org.assist.web.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.assist.application.RunDetails;
import org.assist.application.RunService;
import org.assist.domain.chat.ChatMessage;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;
import org.assist.web.Messages;

/**
 * A session's chat as the console shows it: the messages of technician and customer, and the
 * scripts run meanwhile with their output (stdout and stderr marked) and their ends, in time order.
 */
public final class SessionFeed {
  /** How much of one script's output the chat shows; the run's report keeps all of it. */
  static final int SHOWN_CHARS = 64 * 1024;

  static final int SHOWN_CHUNKS = 500;

  /** One line of the feed. */
  public record Item(Instant at, String kind, String who, String text, boolean stderr) {}

  private SessionFeed() {}

  /** The feed of a session's chat messages and its runs. */
  public static List<Item> of(
      long sessionId,
      List<ChatMessage> messages,
      List<RunDetails.Target> targets,
      RunService runs,
      java.util.Locale locale) {
    // one chunk more than shown tells whether there is more
    java.util.Map<Long, List<RunOutput>> output = runs.firstOutput(sessionId, SHOWN_CHUNKS + 1);
    List<Item> items = new ArrayList<>();
    for (ChatMessage message : messages) {
      items.add(
          new Item(
              message.getAt(),
              message.isFromCustomer() ? "customer" : "technician",
              message.getAuthor(),
              message.getText(),
              false));
    }
    for (RunDetails.Target target : targets) {
      for (RunStep step : target.steps()) {
        if (step.getStartedAt() == null) {
          continue;
        }
        String title = step.getName() + " v" + step.getVersionNumber();
        items.add(
            new Item(step.getStartedAt(), "started", title, step.getExecutableSha256(), false));
        int shown = 0;
        int chunks = 0;
        // a step's own lines keep their order even if an event was redelivered late
        Instant last = step.getStartedAt();
        for (RunOutput chunk : output.getOrDefault(step.getId(), List.of())) {
          boolean full = shown >= SHOWN_CHARS || chunks >= SHOWN_CHUNKS;
          String text =
              full
                  ? ""
                  : chunk
                      .getText()
                      .substring(0, Math.min(chunk.getText().length(), SHOWN_CHARS - shown));
          if (!text.isEmpty()) {
            last = later(chunk.getAt(), last.plusNanos(1));
            items.add(new Item(last, "output", title, text, chunk.isStderr()));
            shown += text.length();
            chunks++;
          }
          if (text.length() < chunk.getText().length()) {
            last = last.plusNanos(1);
            items.add(new Item(last, "more", title, Messages.text(locale, "feed.more"), false));
            break;
          }
        }
        if (step.getFinishedAt() != null) {
          items.add(
              new Item(
                  later(step.getFinishedAt(), last.plusNanos(1)),
                  "finished",
                  title,
                  ending(step, locale),
                  step.getState().name().equals("FAILED")));
        }
      }
    }
    items.sort(Comparator.comparing(Item::at));
    return items;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String ending(RunStep step, java.util.Locale locale) {
    long millis = step.getDuration() == null ? 0 : step.getDuration().toMillis();
    if (step.isTimedOut()) {
      return Messages.text(locale, "feed.timedOut", step.getTimeoutSeconds(), millis);
    }
    if (step.getError() != null) {
      return step.getError();
    }
    String ending = Messages.text(locale, "feed.exit", String.valueOf(step.getExitCode()), millis);
    return step.isTruncated() ? ending + " · " + Messages.text(locale, "feed.truncated") : ending;
  }
}
