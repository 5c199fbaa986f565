package org.assist.application;

import java.io.Serializable;

/** Input that breaks a validation rule. */
public class InvalidInputException extends AssistException {
  public InvalidInputException(String key, String field, Serializable... args) {
    super(key, field, args);
  }

  public InvalidInputException(String key) {
    super(key, null);
  }
}
