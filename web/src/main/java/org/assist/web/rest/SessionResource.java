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
import org.assist.application.agent.Presence;
import org.assist.application.session.SessionQuery;
import org.assist.application.session.SupportSessionService;
import org.assist.domain.session.SupportSession;

/** {@code /api/v1/sessions}: start, list, read and end support sessions. */
@Path("v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject private SupportSessionService sessions;
  @Inject private Presence presence;

  @POST
  public Response start(@Context UriInfo uri) {
    SupportSession session = sessions.start();
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(session.getId())).build())
        .entity(json(session))
        .build();
  }

  /** The caller's sessions (an administrator's: everyone's), newest first. */
  @GET
  public List<SessionJson> list(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    return sessions.list(SessionQuery.newest(first, max)).stream().map(this::json).toList();
  }

  @GET
  @Path("{id}")
  public SessionJson get(@PathParam("id") long id) {
    return json(sessions.find(id));
  }

  @DELETE
  @Path("{id}")
  public SessionJson end(@PathParam("id") long id) {
    return json(sessions.end(id));
  }

  private SessionJson json(SupportSession session) {
    return SessionJson.of(
        session, session.getAgent() != null && presence.isOnline(session.getAgent().getId()));
  }
}
