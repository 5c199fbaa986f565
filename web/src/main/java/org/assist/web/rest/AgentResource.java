package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.assist.application.AgentJoinService;
import org.assist.application.InvalidInputException;
import org.assist.application.JoinRequest;
import org.assist.application.JoinTicket;

/**
 * {@code /api/v1/agent}: where a customer's agent joins a session with the number the technician
 * gave. Open to the network (the number is the credential), hence single use, short-lived and
 * throttled per address; it answers with the agent's own credentials for the broker.
 */
@Path("v1/agent")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
  @Inject private AgentJoinService joins;
  @Context private HttpServletRequest request;

  @POST
  @Path("join")
  @Consumes(MediaType.APPLICATION_JSON)
  public JoinTicket join(JoinRequest join) {
    if (join == null) {
      throw new InvalidInputException("join.unknownNumber", "number");
    }
    return joins.join(join, request.getRemoteAddr());
  }
}
