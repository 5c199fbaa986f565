package org.assist.protocol;

/**
 * Where an agent talks HTTP to the server: the agents' part of the REST API, under {@code
 * /assist/api/v1/agent/}. The server's resource is mapped with {@link #RESOURCE}, agents resolve
 * the full paths against the server's address.
 */
public final class AgentPaths {
  /** The agents' resource, relative to the REST application ({@code /assist/api}). */
  public static final String RESOURCE = "v1/agent";

  /** Everything under it, from the server's root: its callers are agents, not console accounts. */
  public static final String ROOT = "/assist/api/" + RESOURCE + "/";

  /** Joining a session with its number ({@link JoinRequest} → {@link JoinTicket}). */
  public static final String JOIN = ROOT + "join";

  /** The server's identity ({@link ServerIdentity}), read over a connection already pinned. */
  public static final String IDENTITY = ROOT + "identity";

  private AgentPaths() {}

  /** A file of a script version, fetched by the agent as itself: the executable or the input. */
  public static String file(long versionId, boolean input) {
    return ROOT + "files/" + versionId + "/" + (input ? "input" : "executable");
  }
}
