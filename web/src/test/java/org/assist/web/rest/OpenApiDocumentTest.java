package org.assist.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OpenAPI document says what the resources do, every one of them. */
class OpenApiDocumentTest {
  private static final JsonObject DOCUMENT = OpenApiDocument.of(OpenApiResource.RESOURCES);

  @Test
  void everyResourceOfTheApiIsDescribed() throws Exception {
    Set<Class<?>> resources = new HashSet<>();
    File folder =
        new File(OpenApiResource.class.getResource("OpenApiResource.class").toURI())
            .getParentFile();
    for (String file : folder.list((dir, name) -> name.endsWith(".class") && !name.contains("$"))) {
      Class<?> type =
          Class.forName(
              "org.assist.web.rest." + file.replace(".class", ""),
              false,
              OpenApiDocumentTest.class.getClassLoader());
      if (type.isAnnotationPresent(Path.class) && type != OpenApiResource.class) {
        resources.add(type);
      }
    }
    assertEquals(resources, new HashSet<>(OpenApiResource.RESOURCES));
  }

  @Test
  void pathsMethodsParametersAndAnswers() throws URISyntaxException {
    JsonObject paths = DOCUMENT.getJsonObject("paths");
    JsonObject report = paths.getJsonObject("/v1/sessions/{id}/report").getJsonObject("get");
    Set<String> parameters =
        report.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
            .map(p -> p.getString("name") + ":" + p.getString("in"))
            .collect(Collectors.toSet());
    assertEquals(Set.of("id:path", "format:query"), parameters);
    assertTrue(paths.getJsonObject("/v1/policies").containsKey("put"));
    assertTrue(paths.getJsonObject("/v1/audit").containsKey("get"));
    assertTrue(
        paths.containsKey("/v1/scripts/{id}/versions/{number}/{part}"), paths.keySet().toString());
    // an answer's fields, from its record
    JsonObject technician =
        paths
            .getJsonObject("/v1/technicians/{id}/disable")
            .getJsonObject("post")
            .getJsonObject("responses")
            .getJsonObject("2XX")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema")
            .getJsonObject("properties");
    assertTrue(
        technician.keySet().containsAll(Arrays.asList("username", "role", "lastSignInAt")),
        technician.toString());
    assertEquals("date-time", technician.getJsonObject("lastSignInAt").getString("format"));
    // an answer given later (a run waited for) is described as the answer
    JsonObject run = paths.getJsonObject("/v1/runs/{id}").getJsonObject("get");
    assertEquals(
        "0",
        run.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
            .filter(p -> p.getString("name").equals("waitMillis"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("schema")
            .getString("default"));
    JsonObject ran =
        run.getJsonObject("responses")
            .getJsonObject("2XX")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema")
            .getJsonObject("properties");
    assertTrue(ran.keySet().containsAll(Arrays.asList("ended", "sessions")), ran.toString());
    assertEquals("3.0.3", DOCUMENT.getString("openapi"));
  }
}
