package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.assist.application.InvalidInputException;
import org.assist.application.technician.NewTechnician;
import org.assist.application.technician.TechnicianRow;
import org.assist.application.technician.TechnicianService;

/** {@code /api/v1/technicians}: administrators list and add console accounts. */
@Path("v1/technicians")
@Produces(MediaType.APPLICATION_JSON)
public class TechnicianResource {
  @Inject private TechnicianService technicians;

  @GET
  public List<TechnicianRow> list() {
    return technicians.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(NewTechnician request, @Context UriInfo uri) {
    if (request == null) {
      throw new InvalidInputException("technician.username.invalid", "username");
    }
    TechnicianRow added = technicians.add(request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(added.id())).build())
        .entity(added)
        .build();
  }

  /** Stops an account from signing in, e.g. when someone leaves the help desk. */
  @POST
  @Path("{id}/disable")
  public TechnicianRow disable(@PathParam("id") long id) {
    return technicians.disable(id);
  }

  /** {@code {"displayName": ..., "role": "technician" | "admin"}}: changes the name and role. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public TechnicianRow edit(@PathParam("id") long id, String body) {
    JsonObject fields = JsonBodies.parse(body);
    return technicians.edit(
        id, JsonBodies.text(fields, "displayName"), JsonBodies.text(fields, "role"));
  }

  /** The password the account must change at its next sign-in, generated: {@code {"password"}}. */
  public record ResetJson(String password) {}

  @POST
  @Path("{id}/reset-password")
  public ResetJson resetPassword(@PathParam("id") long id) {
    return new ResetJson(technicians.resetPassword(id));
  }

  @POST
  @Path("{id}/enable")
  public TechnicianRow enable(@PathParam("id") long id) {
    return technicians.enable(id);
  }
}
