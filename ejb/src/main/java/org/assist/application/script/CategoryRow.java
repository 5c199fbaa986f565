package org.assist.application.script;

import org.assist.domain.script.ScriptCategory;

/** A category of the script library. */
public record CategoryRow(long id, String name) {
  static CategoryRow of(ScriptCategory category) {
    return new CategoryRow(category.getId(), category.getName());
  }
}
