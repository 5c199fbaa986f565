package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.assist.application.Caller;
import org.assist.application.technician.TechnicianService;
import org.assist.web.SignedInSessions;

/**
 * {@code /api/v1/account}: the caller's own account. {@code POST password} with {@code
 * {"currentPassword", "newPassword"}} changes its password (204) and signs it out of its consoles.
 */
@Path("v1/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
  /** The one call an account whose password was generated may make: choosing its own. */
  static final String PASSWORD = "v1/account/password";

  @Inject private TechnicianService technicians;
  @Inject private Caller caller;

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(JsonObject body) {
    technicians.changeOwnPassword(
        JsonBodies.text(body, "currentPassword"), JsonBodies.text(body, "newPassword"));
    SignedInSessions.signOut(caller.name(), null);
    return Response.noContent().build();
  }
}
