package org.assist.application.chat;

import org.assist.application.run.RunDetails;

/**
 * Something a session's chat shows: a message, or a script's start, output or end. Open consoles
 * add each new one as it comes ({@link ChatLinesAdded}); the web layer words it in each console's
 * language, the same way it words the whole chat.
 */
public sealed interface ChatLine {
  /** A message of the technician or of the customer. */
  record Message(MessageRow message) implements ChatLine {}

  /** A script started. */
  record Started(RunDetails.Step step) implements ChatLine {}

  /**
   * A chunk of a script's output; {@code bytesBefore} is how much of the step's output came before
   * it (the chat shows only the start of a long output).
   */
  record Output(RunDetails.Step step, RunDetails.Output chunk, long bytesBefore)
      implements ChatLine {}

  /** A script ended, or the run ended while it was running. */
  record Ended(RunDetails.Step step) implements ChatLine {}
}
