package org.assist.domain.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chat message between the technician and the customer, kept in the session's report. */
@Entity
@Table(name = "chat_message")
public class ChatMessage {
  public static final int MAX_TEXT = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "session_id", nullable = false)
  private Long sessionId;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false, length = 128)
  private String author;

  @Column(name = "from_customer", nullable = false)
  private boolean fromCustomer;

  @Column(nullable = false, length = MAX_TEXT)
  private String text;

  /** The id of the agent's event that carried a customer's line (it may come twice), or null. */
  @Column(name = "event_id", length = 128)
  private String eventId;

  protected ChatMessage() {}

  public ChatMessage(long sessionId, String author, boolean fromCustomer, String text) {
    this(sessionId, author, fromCustomer, text, null);
  }

  public ChatMessage(
      long sessionId, String author, boolean fromCustomer, String text, String eventId) {
    this.eventId = eventId;
    this.sessionId = sessionId;
    this.at = Instant.now();
    this.author = author;
    this.fromCustomer = fromCustomer;
    this.text = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getAuthor() {
    return author;
  }

  public boolean isFromCustomer() {
    return fromCustomer;
  }

  public String getText() {
    return text;
  }
}
