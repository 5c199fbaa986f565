package org.assist.it.floor;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Test code deployed beside Assist by {@code RoundTripBenchmark}, never part of it: calls of the
 * shapes a technician's call takes through the server, through the same layers (a JAX-RS resource
 * calling a stateless EJB in a container-managed transaction, JPA on Assist's datasource, a message
 * to the broker, a message-driven bean), with none of Assist's own work. What these take on a
 * machine is the least any call of that shape can take there.
 */
@ApplicationPath("api")
public class FloorApi extends Application {
  /** The calls, each answered {@code 204} once its work is done. */
  @Path("")
  public static class Calls {
    @Inject private FloorService service;

    /** A request answered at once. */
    @GET
    @Path("empty")
    public Response empty() {
      return Response.noContent().build();
    }

    /** A row inserted in a transaction. */
    @POST
    @Path("insert")
    public Response insert() {
      service.insert(UUID.randomUUID().toString());
      return Response.noContent().build();
    }

    /** A row inserted and a message sent, in one two-phase transaction (as a launch). */
    @POST
    @Path("send")
    public Response send() {
      service.send(UUID.randomUUID().toString());
      return Response.noContent().build();
    }

    /**
     * As {@code send}, then answered once a message-driven bean has received the message and
     * updated the row in its own transaction (as a launch, its event and the waiting answer).
     */
    @POST
    @Path("echo")
    public void echo(@Suspended AsyncResponse answer) {
      String id = UUID.randomUUID().toString();
      answer.setTimeout(10, TimeUnit.SECONDS);
      FloorListener.WAITING.put(id, answer);
      service.send(id);
    }
  }
}
