package org.assist.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Message bodies: one JSON object, UTF-8 bytes, bounded in size; and the one JSON provider the
 * project builds and reads JSON with ({@link #object()}, {@link #array()}, {@link #read}): each of
 * {@code Json}'s static methods looks the provider up again through the service loader, which cost
 * more than the JSON itself on the agents' and the server's busiest paths.
 */
public final class JsonCodec {
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonCodec() {}

  public static JsonObjectBuilder object() {
    return JSON.createObjectBuilder();
  }

  /** A builder holding this object's members, to add more. */
  public static JsonObjectBuilder object(JsonObject members) {
    return JSON.createObjectBuilder(members);
  }

  public static JsonArrayBuilder array() {
    return JSON.createArrayBuilder();
  }

  /**
   * One JSON object read from text; a {@link JsonException} when it is not JSON, an {@link
   * IllegalStateException} or {@link ClassCastException} when it is no object.
   */
  public static JsonObject read(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** The same from UTF-8 bytes. */
  public static JsonObject read(byte[] bytes) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readObject();
    }
  }

  public static byte[] bytes(JsonObject object) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var writer = JSON.createWriter(out)) {
      writer.writeObject(object);
    }
    return out.toByteArray();
  }

  /** Reads one JSON object of at most {@code maxBytes}; anything else is malformed. */
  public static JsonObject parse(byte[] bytes, int maxBytes) throws MalformedMessageException {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedMessageException("empty body");
    }
    if (bytes.length > maxBytes) {
      throw new MalformedMessageException(
          "body of " + bytes.length + " bytes is over the limit of " + maxBytes);
    }
    // a strict decoder: bytes that are not UTF-8 make the message malformed, not garbled
    try (JsonReader reader =
        JSON.createReader(
            new InputStreamReader(
                new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()))) {
      return reader.readObject();
    } catch (JsonParsingException | ClassCastException e) {
      throw new MalformedMessageException("body is not a JSON object: " + e.getMessage(), e);
    } catch (JsonException e) {
      throw new MalformedMessageException("body is not JSON: " + e.getMessage(), e);
    }
  }
}
