package org.assist.application;

import java.io.Serializable;

/** An upload over the size the library accepts. */
public class TooLargeException extends AssistException {
  public TooLargeException(String key, String field, Serializable... args) {
    super(key, field, args);
  }
}
