package org.assist.application.chat;

import org.assist.domain.chat.ChatMessage;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;

/**
 * Something a session's chat shows: a message, or a script's start, output or end. Open consoles
 * add each new one as it comes ({@link ChatLinesAdded}); the web layer renders it in each console's
 * language, the same way it renders the whole chat.
 */
public sealed interface ChatLine {
  /** A message of the technician or of the customer. */
  record Message(ChatMessage message) implements ChatLine {}

  /** A script started. */
  record Started(RunStep step) implements ChatLine {}

  /**
   * A chunk of a script's output; {@code bytesBefore} is how much of the step's output came before
   * it (the chat shows only the start of a long output).
   */
  record Output(RunStep step, RunOutput chunk, long bytesBefore) implements ChatLine {}

  /** A script ended, or the run ended while it was running. */
  record Ended(RunStep step) implements ChatLine {}
}
