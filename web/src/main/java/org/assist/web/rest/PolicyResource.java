package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assist.application.InvalidInputException;
import org.assist.application.policy.Policy;
import org.assist.application.policy.PolicyService;
import org.assist.application.policy.PolicyService.PolicyRow;

/**
 * {@code /api/v1/policies}: administrators read the help desk's policies and change them; a change
 * is in force at once, without a restart.
 */
@Path("v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {
  /**
   * A policy.
   *
   * @param unit {@code SECONDS}, {@code MINUTES} or {@code BYTES}
   * @param firstValue its value before any administrator changed it (environment variable or
   *     default)
   * @param variable the environment variable that gives its first value
   */
  public record PolicyJson(
      String name,
      long value,
      String unit,
      long min,
      long max,
      long firstValue,
      String variable,
      String changedBy,
      Instant changedAt) {
    static PolicyJson of(PolicyRow row) {
      return new PolicyJson(
          row.policy().name(),
          row.value(),
          row.policy().unit().name(),
          row.min(),
          row.max(),
          row.firstValue(),
          row.policy().variable(),
          row.changedBy(),
          row.changedAt());
    }
  }

  @Inject private PolicyService policies;

  @GET
  public List<PolicyJson> list() {
    return policies.list().stream().map(PolicyJson::of).toList();
  }

  /**
   * {@code {"SESSION_IDLE_SECONDS": 3600, ...}}: the policies named take these values, together.
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public List<PolicyJson> update(String body) {
    JsonObject values = JsonBodies.parse(body);
    Map<Policy, Long> wanted = new EnumMap<>(Policy.class);
    for (Map.Entry<String, JsonValue> entry : values.entrySet()) {
      Policy policy;
      try {
        policy = Policy.valueOf(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("policy.unknown", "name", entry.getKey());
      }
      if (!(entry.getValue() instanceof JsonNumber number) || !number.isIntegral()) {
        throw new InvalidInputException("api.malformed", entry.getKey(), entry.getKey());
      }
      wanted.put(policy, number.longValueExact());
    }
    return policies.update(wanted).stream().map(PolicyJson::of).toList();
  }
}
