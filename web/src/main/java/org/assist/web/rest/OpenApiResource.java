package org.assist.web.rest;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /assist/api/openapi} (no sign-in needed: it holds no data): the API as an OpenAPI 3.0
 * document, generated from the resource classes listed here.
 */
@Path("openapi")
public class OpenApiResource {
  /** Every resource of the API; a unit test checks that none is missing. */
  static final List<Class<?>> RESOURCES =
      List.of(
          SessionResource.class,
          SystemInfoResource.class,
          RunResource.class,
          ScriptResource.class,
          CategoryResource.class,
          AccountResource.class,
          TechnicianResource.class,
          PolicyResource.class,
          AuditResource.class,
          ServerKeysResource.class,
          AgentResource.class);

  private static final JsonObject DOCUMENT = OpenApiDocument.of(RESOURCES);

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject document() {
    return DOCUMENT;
  }
}
