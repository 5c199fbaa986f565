package org.assist.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads the fields of a message body, checking each: a field of the wrong type, missing when
 * required, out of its range or longer than its limit makes the message malformed.
 */
final class Fields {
  private Fields() {}

  static String text(JsonObject json, String name, int maxLength) throws MalformedMessageException {
    String value = optionalText(json, name, maxLength);
    if (value == null) {
      throw new MalformedMessageException("no " + name);
    }
    return value;
  }

  /** The text, or null when the field is missing or null. */
  static String optionalText(JsonObject json, String name, int maxLength)
      throws MalformedMessageException {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw new MalformedMessageException(name + " is not text");
    }
    if (string.getString().length() > maxLength) {
      throw new MalformedMessageException(name + " is over " + maxLength + " characters");
    }
    return string.getString();
  }

  static int integer(JsonObject json, String name, int min, int max)
      throws MalformedMessageException {
    Integer value = optionalInteger(json, name, min, max);
    if (value == null) {
      throw new MalformedMessageException("no " + name);
    }
    return value;
  }

  /** The whole number, or null when the field is missing or null. */
  static Integer optionalInteger(JsonObject json, String name, int min, int max)
      throws MalformedMessageException {
    Long value = optionalLong(json, name, min, max);
    return value == null ? null : value.intValue();
  }

  static long number(JsonObject json, String name, long min, long max)
      throws MalformedMessageException {
    Long value = optionalLong(json, name, min, max);
    if (value == null) {
      throw new MalformedMessageException("no " + name);
    }
    return value;
  }

  private static Long optionalLong(JsonObject json, String name, long min, long max)
      throws MalformedMessageException {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new MalformedMessageException(name + " is not a whole number");
    }
    long parsed;
    try {
      parsed = number.longValueExact();
    } catch (ArithmeticException e) {
      throw new MalformedMessageException(name + " is out of range");
    }
    if (parsed < min || parsed > max) {
      throw new MalformedMessageException(name + " is out of range");
    }
    return parsed;
  }

  /** A true/false field; false when missing. */
  static boolean flag(JsonObject json, String name) throws MalformedMessageException {
    JsonValue value = json.get(name);
    if (value == null) {
      return false;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw new MalformedMessageException(name + " is not true or false");
    }
    return value == JsonValue.TRUE;
  }

  /** Adds the text unless it is null. */
  static void put(jakarta.json.JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
