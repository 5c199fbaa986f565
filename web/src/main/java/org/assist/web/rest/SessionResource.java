package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.assist.application.agent.CommandRow;
import org.assist.application.restart.RestartService;
import org.assist.application.session.SessionQuery;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;

/** {@code /api/v1/sessions}: start, list, read and end support sessions. */
@Path("v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject private RestartService restarts;
  @Inject private SupportSessionService sessions;

  @POST
  public Response start(@Context UriInfo uri) {
    SessionRow session = sessions.start();
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(session.id())).build())
        .entity(SessionJson.of(session))
        .build();
  }

  /** The caller's sessions (an administrator's: everyone's), newest first. */
  @GET
  public List<SessionJson> list(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    return sessions.list(SessionQuery.newest(first, max)).stream().map(SessionJson::of).toList();
  }

  @GET
  @Path("{id}")
  public SessionJson get(@PathParam("id") long id) {
    return SessionJson.of(sessions.row(id));
  }

  /**
   * Asks the customer to let the computer restart (202 with the request, as system information
   * answers); the session then shows {@code RESTARTING} until the agent is back by itself.
   */
  @POST
  @Path("{id}/restart")
  public Response restart(@PathParam("id") long id) {
    CommandRow command = restarts.request(id);
    return Response.accepted(
            new SystemInfoResource.RequestJson(command.id(), command.status().name()))
        .build();
  }

  @DELETE
  @Path("{id}")
  public SessionJson end(@PathParam("id") long id) {
    return SessionJson.of(sessions.end(id));
  }
}
