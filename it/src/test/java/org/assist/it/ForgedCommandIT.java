package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.assist.it.forger.ForgerServlet;
import org.assist.protocol.Protocol;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone with access to the broker puts forged commands on an agent's queue: the real agent
 * refuses every one of them, says so, and keeps working for the real server.
 */
@ExtendWith(ArquillianExtension.class)
class ForgedCommandIT {

  @Deployment(testable = false)
  static WebArchive forger() {
    return ShrinkWrap.create(WebArchive.class, "forger.war")
        .addClass(ForgerServlet.class)
        .addPackage(Protocol.class.getPackage())
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Test
  void theAgentRefusesUnsignedForeignReplayedAndAlteredCommands() throws Exception {
    String user = Api.newTechnician("forged", "technician");
    Api api = Api.asTechnician(user);
    try (ProtocolAgent donor =
            ProtocolAgent.join(
                api.post("/sessions", "").json().getString("number"), "donor", "os", "u");
        AgentProcess victim =
            AgentProcess.join(
                api.post("/sessions", "").json().getString("number"), "--no-window")) {
      victim.await("Connected to");
      // a genuine signed command waits in the donor's queue (it never connects)
      assertEquals(202, api.post("/sessions/" + donor.sessionId + "/system-info", "").status());
      String victimId = victim.agentId();

      HttpResponse<String> forged =
          Forger.call("send?victim=" + victimId + "&donor=" + donor.agentId);
      assertEquals(200, forged.statusCode(), forged.body());

      int refused = 0;
      for (int i = 0; i < 4; i++) {
        refused =
            victim.await("was refused: signature does not verify", refused, Duration.ofSeconds(20))
                + 1;
      }
      assertFalse(victim.output().contains("Allow?"), "a forgery reached the customer");
      assertFalse(victim.output().contains("ended the session"), "a forgery ended the session");
      assertTrue(victim.isAlive());

      long victimSession =
          api.get("/sessions").array().getValuesAs(jakarta.json.JsonObject.class).stream()
              .filter(
                  s ->
                      victim
                          .output()
                          .contains(
                              org.assist.protocol.SessionNumber.display(s.getString("number"))))
              .findFirst()
              .orElseThrow()
              .getJsonNumber("id")
              .longValue();
      assertEquals(202, api.post("/sessions/" + victimSession + "/system-info", "").status());
      victim.answerConsent(refused, "y");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      int status = 404;
      while (status != 200 && System.nanoTime() < deadline) {
        status = api.get("/sessions/" + victimSession + "/system-info").status();
        Thread.sleep(200);
      }
      assertEquals(200, status, "the genuine server still gets answers");
    }
  }
}
