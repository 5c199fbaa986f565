package org.assist.application;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;

/**
 * A refusal the user should read: it carries a message key and its arguments (the web layer words
 * it in the user's language) and, where it concerns one form field, that field's name. It rolls the
 * transaction back, so a refused change leaves nothing behind.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class AssistException extends RuntimeException {
  private final String key;
  private final String field;
  private final Serializable[] args;

  protected AssistException(String key, String field, Serializable... args) {
    super(key);
    this.key = key;
    this.field = field;
    this.args = args.clone();
  }

  /** Message key in the console's resource bundle. */
  public String key() {
    return key;
  }

  /** The form field this is about, or null. */
  public String field() {
    return field;
  }

  public Object[] args() {
    return args.clone();
  }
}
