package org.assist.application;

import java.io.Serializable;

/** The change would break a uniqueness rule, such as a duplicate name. */
public class ConflictException extends AssistException {
  public ConflictException(String key, String field, Serializable... args) {
    super(key, field, args);
  }

  public ConflictException(String key) {
    super(key, null);
  }
}
