package org.assist.protocol;

import jakarta.json.JsonObject;

/**
 * The technician asks to log in to the computer as another of its accounts. The agent asks the
 * customer (or its consent policy); then it checks the credentials sealed here, or, when there are
 * none (the console asks first and the technician types them once the customer allowed it), waits
 * for {@link LogInCredentials}. What came of it is a {@link LogInOutcome}.
 *
 * @param credentials null when the technician types them after the customer's consent
 */
public record LogInRequest(SealedCredentials credentials) implements CommandBody {
  @Override
  public CommandType commandType() {
    return CommandType.LOG_IN_AS;
  }

  @Override
  public JsonObject toJson() {
    var json = JsonCodec.object();
    if (credentials != null) {
      json.add("credentials", credentials.toJson());
    }
    return json.build();
  }

  public static LogInRequest fromJson(JsonObject json) throws MalformedMessageException {
    return new LogInRequest(SealedCredentials.optional(json, "credentials"));
  }
}
