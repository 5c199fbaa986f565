package org.assist.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Every refusal of the REST API: a message in the caller's language and, when one input is at
 * fault, its name.
 */
public record ErrorJson(String message, String field) {
  private static final Jsonb JSON = JsonbBuilder.create();

  /** The same as the API's resources write it, for code outside them (the sign-in filter). */
  String toJson() {
    return JSON.toJson(this);
  }
}
