package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.assist.application.script.CategoryService;
import org.assist.domain.script.ScriptCategory;
import org.assist.protocol.JsonCodec;

/** {@code /api/v1/categories}: the script categories; administrators create them. */
@Path("v1/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {
  @Inject private CategoryService categories;

  @GET
  public List<JsonObject> list() {
    return categories.list().stream().map(CategoryResource::json).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonObject body) {
    ScriptCategory created = categories.create(body == null ? null : body.getString("name", null));
    return Response.status(Response.Status.CREATED).entity(json(created)).build();
  }

  private static JsonObject json(ScriptCategory category) {
    return JsonCodec.object().add("id", category.getId()).add("name", category.getName()).build();
  }
}
