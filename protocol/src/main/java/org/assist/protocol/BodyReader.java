package org.assist.protocol;

import jakarta.json.JsonObject;

/** Reads and checks the body of one type of message. */
@FunctionalInterface
interface BodyReader<T> {
  T read(JsonObject json) throws MalformedMessageException;
}
