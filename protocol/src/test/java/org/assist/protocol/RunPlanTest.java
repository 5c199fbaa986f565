package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlanTest {
  private static final String SHA = "a".repeat(64);

  @Test
  void travelsAsJsonInOrderWithTheFilesItCarries() throws Exception {
    RunPlan plan =
        new RunPlan(
            "r1",
            true,
            List.of(
                new RunPlan.Step(
                    0, 7, "First", ScriptKind.SHELL, new RunPlan.File("a.sh", SHA, null), null, 30),
                new RunPlan.Step(
                    1,
                    9,
                    "Second",
                    ScriptKind.PYTHON,
                    new RunPlan.File("b.py", SHA, "print(1)\n".getBytes()),
                    new RunPlan.File("in.txt", SHA, new byte[] {0, (byte) 0xff, 10}),
                    60)));
    RunPlan read = RunPlan.fromJson(plan.toJson());
    assertEquals(plan, read);
    assertFalse(read.steps().get(0).executable().isInline());
    assertArrayEquals(new byte[] {0, (byte) 0xff, 10}, read.steps().get(1).input().content());
  }

  @Test
  void aRestartStepTravelsWithoutScriptOrFiles() throws Exception {
    RunPlan plan =
        new RunPlan(
            "r2",
            false,
            List.of(
                new RunPlan.Step(
                    0,
                    7,
                    "Before",
                    ScriptKind.SHELL,
                    new RunPlan.File("a.sh", SHA, null),
                    null,
                    30),
                RunPlan.Step.restart(1),
                new RunPlan.Step(
                    2,
                    8,
                    "After",
                    ScriptKind.SHELL,
                    new RunPlan.File("b.sh", SHA, null),
                    null,
                    30)));
    RunPlan read = RunPlan.fromJson(plan.toJson());
    assertEquals(plan, read);
    assertEquals(
        List.of(false, true, false), read.steps().stream().map(RunPlan.Step::isRestart).toList());
    assertFalse(plan.toJson().getJsonArray("steps").getJsonObject(1).containsKey("executableName"));
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
    assertMalformed(
        Json.createArrayBuilder()
            .add(step.add("kind", "SHELL").add("executableContent", "not base64!").build()));
  }

  private static void assertMalformed(JsonArrayBuilder steps) {
    assertThrows(
        MalformedMessageException.class,
        () ->
            RunPlan.fromJson(
                Json.createObjectBuilder().add("runId", "r").add("steps", steps).build()));
  }
}
