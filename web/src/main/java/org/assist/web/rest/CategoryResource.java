package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.assist.application.script.CategoryRow;
import org.assist.application.script.CategoryService;

/** {@code /api/v1/categories}: the script categories; administrators create them. */
@Path("v1/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {
  /** A category: {@code {"id", "name"}}; a new one needs only its name. */
  public record CategoryJson(Long id, String name) {
    static CategoryJson of(CategoryRow category) {
      return new CategoryJson(category.id(), category.name());
    }
  }

  @Inject private CategoryService categories;

  @GET
  public List<CategoryJson> list() {
    return categories.list().stream().map(CategoryJson::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CategoryJson body) {
    CategoryRow created = categories.create(body == null ? null : body.name());
    return Response.status(Response.Status.CREATED).entity(CategoryJson.of(created)).build();
  }
}
