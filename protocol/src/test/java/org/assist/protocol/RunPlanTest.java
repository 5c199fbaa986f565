package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlanTest {
  private static final String SHA = "a".repeat(64);

  @Test
  void travelsAsJsonInOrder() throws Exception {
    RunPlan plan =
        new RunPlan(
            "r1",
            true,
            List.of(
                new RunPlan.Step(0, 7, "First", ScriptKind.SHELL, "a.sh", SHA, null, null, 30),
                new RunPlan.Step(
                    1, 9, "Second", ScriptKind.PYTHON, "b.py", SHA, "in.txt", SHA, 60)));
    RunPlan read = RunPlan.fromJson(plan.toJson());
    assertEquals(plan, read);
  }

  @Test
  void refusesWhatIsOutOfShape() {
    var step =
        Json.createObjectBuilder()
            .add("index", 0)
            .add("versionId", 1)
            .add("name", "n")
            .add("kind", "SHELL")
            .add("executableName", "a")
            .add("executableSha256", SHA)
            .add("timeoutSeconds", 30);
    assertMalformed(Json.createArrayBuilder());
    assertMalformed(Json.createArrayBuilder().add(step.add("executableSha256", "nothex").build()));
    assertMalformed(
        Json.createArrayBuilder()
            .add(step.add("executableSha256", SHA).add("timeoutSeconds", 0).build()));
    assertMalformed(
        Json.createArrayBuilder()
            .add(step.add("timeoutSeconds", 30).add("kind", "ROOTKIT").build()));
  }

  private static void assertMalformed(JsonArrayBuilder steps) {
    assertThrows(
        MalformedMessageException.class,
        () ->
            RunPlan.fromJson(
                Json.createObjectBuilder().add("runId", "r").add("steps", steps).build()));
  }
}
