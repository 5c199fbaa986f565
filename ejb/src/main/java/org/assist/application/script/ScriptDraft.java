package org.assist.application.script;

import org.assist.application.InvalidInputException;

/**
 * What a technician saves for a script: a new one, or the next version of one. On an edit, a
 * missing executable keeps the current one, and so does a missing input file unless {@code
 * removeInput}.
 *
 * @param category the category's id
 */
public record ScriptDraft(
    String name,
    Long category,
    String description,
    boolean published,
    UploadedFile executable,
    UploadedFile input,
    boolean removeInput) {
  public static final int MAX_NAME = 128;
  public static final int MAX_DESCRIPTION = 2000;

  public String cleanName() {
    return name == null ? "" : name.strip();
  }

  public String cleanDescription() {
    String text = description == null ? "" : description.strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * The input file may not have the executable's name (in any case): on the customer's computer it
   * would take the executable's place, and what ran would not be what the report's hash says.
   */
  public static void checkNames(String executableName, String inputName) {
    if (inputName != null && inputName.equalsIgnoreCase(executableName)) {
      throw new InvalidInputException("script.input.sameName", "input", inputName);
    }
  }

  /**
   * Checks the rules; {@code creating} requires an executable. Throws InvalidInputException or
   * TooLargeException naming the field at fault.
   */
  public void validate(boolean creating) {
    String clean = cleanName();
    if (clean.isEmpty()
        || clean.length() > MAX_NAME
        || clean.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("script.name.invalid", "name", MAX_NAME);
    }
    if (category == null) {
      throw new InvalidInputException("script.category.required", "category");
    }
    String text = cleanDescription();
    if (text != null && text.length() > MAX_DESCRIPTION) {
      throw new InvalidInputException("script.description.tooLong", "description", MAX_DESCRIPTION);
    }
    if (executable == null && creating) {
      throw new InvalidInputException("script.executable.required", "executable");
    }
    if (executable != null) {
      executable.checkSize("executable");
      if (executable.size() == 0) {
        throw new InvalidInputException("script.file.empty", "executable");
      }
    }
    if (input != null) {
      input.checkSize("input");
    }
  }
}
