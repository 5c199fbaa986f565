package org.assist.application;

/**
 * The server holds all it can: a new agent is told to come back a little later (the agents it has
 * go on). Answered 503 with a Retry-After the agent follows ({@link Settings#busyRetrySeconds}).
 */
public class ServerBusyException extends AssistException {
  public ServerBusyException() {
    super("server.busy", null);
  }
}
