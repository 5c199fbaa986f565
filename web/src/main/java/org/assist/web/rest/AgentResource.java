package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.assist.application.InvalidInputException;
import org.assist.application.agent.AgentFiles;
import org.assist.application.agent.AgentJoinService;
import org.assist.infrastructure.messaging.ServerKeys;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.JoinRequest;
import org.assist.protocol.MalformedMessageException;
import org.assist.web.ClientAddress;
import org.assist.web.ServerCertificate;
import org.assist.web.script.ScriptFiles;

/**
 * {@code /api/v1/agent}: where a customer's agent joins a session with the number the technician
 * gave. Open to the network (the number is the credential), hence single use, short-lived and
 * throttled per address; it answers with the agent's own credentials for the broker.
 */
@Path(AgentPaths.RESOURCE)
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
  @Inject private AgentJoinService joins;
  @Inject private AgentFiles files;
  @Inject private ServerKeys keys;
  @Inject private ServerCertificate certificate;
  @Context private HttpServletRequest request;

  /**
   * The server's identity: the certificate this connection presented and the key that signs
   * commands. An agent reads it only over a connection whose certificate it has pinned.
   */
  @GET
  @Path("identity")
  public JsonObject identity() {
    return keys.identity(certificate.fingerprint()).toJson();
  }

  @POST
  @Path("join")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject join(JsonObject join) {
    if (join == null) {
      throw new InvalidInputException("api.malformed", null, "no body");
    }
    try {
      return joins.join(JoinRequest.fromJson(join), ClientAddress.of(request)).toJson();
    } catch (MalformedMessageException e) {
      throw new InvalidInputException("api.malformed", null, e.getMessage());
    }
  }

  /**
   * A file of a script version in a run on the agent's session, for the agent authenticated with
   * HTTP Basic (its id and secret). Anything else is 404, whatever the reason.
   */
  @GET
  @Path("files/{version}/{part: executable|input}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public void file(
      @PathParam("version") long version,
      @PathParam("part") String part,
      @HeaderParam("Authorization") String authorization,
      @Context HttpServletResponse response)
      throws java.io.IOException {
    String[] credentials = BasicCredentials.decode(authorization);
    ScriptFiles.send(
        response,
        files.read(
            credentials == null ? null : credentials[0],
            credentials == null ? null : credentials[1],
            version,
            "input".equals(part)));
  }
}
