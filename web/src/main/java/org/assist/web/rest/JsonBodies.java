package org.assist.web.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.assist.application.InvalidInputException;
import org.assist.protocol.JsonCodec;

/**
 * Reads the JSON bodies of API calls: a body out of shape is a 400 that names the field, and its
 * text is never echoed or logged (it may hold a password).
 */
final class JsonBodies {
  private JsonBodies() {}

  /** The body's JSON object; a 400 when it is not one. */
  static JsonObject parse(String text) {
    try {
      return JsonCodec.read(text);
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      throw new InvalidInputException("api.malformed", null, "JSON object");
    }
  }

  /** The text field; a 400 when it is missing or not text. */
  static String text(JsonObject body, String name) {
    if (body == null || !(body.get(name) instanceof JsonString value)) {
      throw new InvalidInputException("api.malformed", name, name);
    }
    return value.getString();
  }
}
