package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.assist.protocol.Sha256;

/** Library scripts and runs made through the REST API, for tests of runs. */
final class Scripts {
  private Scripts() {}

  /** A category only this test run uses. */
  static String category() {
    String name = "Runs " + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        201,
        Api.admin()
            .post("/categories", Json.createObjectBuilder().add("name", name).build())
            .status());
    return name;
  }

  /**
   * Adds a published shell script (and its input file, if any) under a name unique in the library.
   */
  static long add(
      Api api, String category, String name, String body, String inputName, String input) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("name", name);
    parts.put("category", category);
    parts.put("published", "true");
    parts.put("executable", new Api.Part("run.sh", executable(body)));
    if (inputName != null) {
      parts.put("input", new Api.Part(inputName, input.getBytes(StandardCharsets.UTF_8)));
    }
    Api.Reply reply = api.multipart("POST", "/scripts", parts);
    assertEquals(201, reply.status(), reply.toString());
    return reply.json().getJsonNumber("id").longValue();
  }

  /** The SHA-256 of the executable {@link #add} makes of this body. */
  static String sha256Of(String body) {
    return Sha256.hex(executable(body));
  }

  private static byte[] executable(String body) {
    return ("#!/bin/sh\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Launches a run; returns its id. */
  static long launch(
      Api api, long[] sessions, long[] scripts, int[] timeouts, boolean stopOnFailure) {
    Api.Reply reply = api.post("/runs", launchBody(sessions, scripts, timeouts, stopOnFailure));
    assertEquals(202, reply.status(), reply.toString());
    return reply.json().getJsonNumber("id").longValue();
  }

  /** What {@code POST /runs} takes. */
  static JsonObject launchBody(
      long[] sessions, long[] scripts, int[] timeouts, boolean stopOnFailure) {
    var body = Json.createObjectBuilder().add("stopOnFailure", stopOnFailure);
    var s = Json.createArrayBuilder();
    for (long id : sessions) {
      s.add(id);
    }
    var c = Json.createArrayBuilder();
    for (long id : scripts) {
      c.add(id);
    }
    var t = Json.createArrayBuilder();
    for (int seconds : timeouts) {
      t.add(seconds);
    }
    return body.add("sessions", s).add("scripts", c).add("timeouts", t).build();
  }

  /** Waits until the run's session reaches one of the states; returns that session's entry. */
  static JsonObject awaitState(Api api, long run, long session, Duration timeout, String... states)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      for (JsonObject target :
          api.get("/runs/" + run).json().getJsonArray("sessions").getValuesAs(JsonObject.class)) {
        if (target.getJsonNumber("sessionId").longValue() == session) {
          last = target;
          for (String state : states) {
            if (state.equals(target.getString("state"))) {
              return target;
            }
          }
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the run never reached " + String.join("/", states) + ": " + last);
  }

  static long sessionId(Api api, String number) {
    return api.get("/sessions").array().getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("number").equals(number))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }
}
