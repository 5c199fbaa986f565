package org.assist.web.rest;

/**
 * Every refusal of the REST API: a message in the caller's language and, when one input is at
 * fault, its name.
 */
public record ErrorJson(String message, String field) {
  /** The same as the API's resources write it, for code outside them (the sign-in filter). */
  String toJson() {
    return SharedJsonb.JSON.toJson(this);
  }
}
