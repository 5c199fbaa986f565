package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.assist.application.NotFoundException;
import org.assist.application.sysinfo.SystemInfoService;
import org.assist.application.sysinfo.SystemInfoService.Collected;
import org.assist.domain.command.AgentCommand;
import org.assist.protocol.JsonCodec;

/**
 * {@code /api/v1/sessions/{id}/system-info}: ask for the customer's system information (the
 * customer consents on their computer) and read the latest collection, e.g. to attach it to a
 * ticket.
 */
@Path("v1/sessions/{id}/system-info")
@Produces(MediaType.APPLICATION_JSON)
public class SystemInfoResource {
  @Inject private SystemInfoService systemInfo;

  @POST
  public Response request(@PathParam("id") long sessionId) {
    AgentCommand command = systemInfo.request(sessionId);
    return Response.accepted(
            JsonCodec.object()
                .add("commandId", command.getId())
                .add("status", command.getStatus().name())
                .build())
        .build();
  }

  @GET
  public JsonObject latest(@PathParam("id") long sessionId) {
    Collected collected =
        systemInfo.latest(sessionId).orElseThrow(() -> new NotFoundException("sysinfo.none"));
    return Json.createObjectBuilder(collected.document().toJson())
        .add("id", collected.id())
        .add("sessionId", collected.sessionId())
        .add("requestedBy", collected.requestedBy())
        .add("consent", "GRANTED")
        .build();
  }
}
