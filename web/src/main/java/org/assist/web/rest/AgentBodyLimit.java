package org.assist.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.assist.application.TooLargeException;
import org.assist.protocol.AgentPaths;

/**
 * The agents' endpoints are open to the network and take a few hundred bytes: a body that says it
 * is larger than {@link #MAX_BYTES} is refused (413) before it is read. (Bodies without a length
 * are bounded by the server's own limit on request bodies.)
 */
@Provider
public class AgentBodyLimit implements ContainerRequestFilter {
  static final int MAX_BYTES = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if ((path.startsWith(AgentPaths.RESOURCE) || path.startsWith("/" + AgentPaths.RESOURCE))
        && request.getLength() > MAX_BYTES) {
      throw new TooLargeException("api.bodyTooLarge", null, MAX_BYTES / 1024);
    }
  }
}
