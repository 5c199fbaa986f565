package org.assist.application;

import java.io.Serializable;

/**
 * Asked for something that does not exist, or that the caller may not see (the two are not told
 * apart, so nothing leaks).
 */
public class NotFoundException extends AssistException {
  public NotFoundException(String key, String field, Serializable... args) {
    super(key, field, args);
  }

  public NotFoundException(String key) {
    super(key, null);
  }
}
