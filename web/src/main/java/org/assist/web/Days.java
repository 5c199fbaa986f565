package org.assist.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.assist.application.InvalidInputException;

/** Reads a day given in an address ({@code YYYY-MM-DD}); one that cannot be read is a 400. */
public final class Days {
  private Days() {}

  /** The day, or null when none is given. */
  public static LocalDate of(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("api.malformed", name, name + " (YYYY-MM-DD)");
    }
  }
}
