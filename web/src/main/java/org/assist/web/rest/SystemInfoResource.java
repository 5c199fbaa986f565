package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.assist.application.NotFoundException;
import org.assist.application.agent.CommandRow;
import org.assist.application.sysinfo.SystemInfoService;
import org.assist.application.sysinfo.SystemInfoService.Collected;
import org.assist.protocol.SystemInfoDocument;

/**
 * {@code /api/v1/sessions/{id}/system-info}: ask for the customer's system information (the
 * customer consents on their computer) and read the latest collection, e.g. to attach it to a
 * ticket.
 */
@Path("v1/sessions/{id}/system-info")
@Produces(MediaType.APPLICATION_JSON)
public class SystemInfoResource {
  /** A request sent to the customer, and where it stands. */
  public record RequestJson(String commandId, String status) {}

  /** A collection, with who asked for it; {@code consent} is always {@code GRANTED}. */
  public record CollectionJson(
      long id,
      long sessionId,
      String requestedBy,
      String consent,
      String computerName,
      Instant collectedAt,
      List<SystemInfoDocument.Category> categories) {}

  @Inject private SystemInfoService systemInfo;

  @POST
  public Response request(@PathParam("id") long sessionId) {
    CommandRow command = systemInfo.request(sessionId);
    return Response.accepted(new RequestJson(command.id(), command.status().name())).build();
  }

  @GET
  public CollectionJson latest(@PathParam("id") long sessionId) {
    Collected collected =
        systemInfo.latest(sessionId).orElseThrow(() -> new NotFoundException("sysinfo.none"));
    SystemInfoDocument document = collected.document();
    return new CollectionJson(
        collected.id(),
        collected.sessionId(),
        collected.requestedBy(),
        "GRANTED",
        document.computerName(),
        document.collectedAt(),
        document.categories());
  }
}
