package org.assist.application;

import java.io.Serializable;

/** The caller is known but may not do this; refusals are written to the audit log. */
public class ForbiddenException extends AssistException {
  public ForbiddenException(String key, String field, Serializable... args) {
    super(key, field, args);
  }

  public ForbiddenException(String key) {
    super(key, null);
  }
}
