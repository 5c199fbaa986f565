package org.assist.application.chat;

import java.time.Instant;
import org.assist.domain.chat.ChatMessage;

/** A chat message of the technician or of the customer. */
public record MessageRow(long id, Instant at, String author, boolean fromCustomer, String text) {
  static MessageRow of(ChatMessage message) {
    return new MessageRow(
        message.getId(),
        message.getAt(),
        message.getAuthor(),
        message.isFromCustomer(),
        message.getText());
  }
}
