package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assist.application.InvalidInputException;
import org.assist.application.NotFoundException;
import org.assist.application.script.CategoryService;
import org.assist.application.script.ScriptDraft;
import org.assist.application.script.ScriptQuery;
import org.assist.application.script.ScriptService;
import org.assist.application.script.UploadedFile;
import org.assist.application.script.VersionRow;
import org.assist.web.script.ScriptFiles;

/**
 * {@code /api/v1/scripts}: the script library for integrations (help desks keep their scripts in
 * version control and sync them). Same rules as the pages. Uploads are multipart: {@code name},
 * {@code category} (its name), {@code description}, {@code published}, and the files {@code
 * executable} and {@code input}; {@code removeInput=true} drops the input file on an update.
 */
@Path("v1/scripts")
@Produces(MediaType.APPLICATION_JSON)
public class ScriptResource {
  @Inject private ScriptService scripts;
  @Inject private CategoryService categories;

  @GET
  public List<ScriptJson> list(
      @QueryParam("q") String text,
      @QueryParam("category") String category,
      @QueryParam("sort") @DefaultValue("name") String sort,
      @QueryParam("order") @DefaultValue("asc") String order,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    Long categoryId =
        category == null || category.isBlank() ? null : categories.byName(category).id();
    return scripts
        .list(new ScriptQuery(first, max, sort, !"desc".equalsIgnoreCase(order), text, categoryId))
        .stream()
        .map(row -> ScriptJson.of(row, null))
        .toList();
  }

  @GET
  @Path("{id}")
  public ScriptJson get(@PathParam("id") long id) {
    return ScriptJson.of(scripts.find(id), scripts.versions(id));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response create(List<EntityPart> parts, @Context UriInfo uri) throws IOException {
    long id = scripts.create(draft(parts));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
        .entity(ScriptJson.of(scripts.find(id), scripts.versions(id)))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public ScriptJson update(@PathParam("id") long id, List<EntityPart> parts) throws IOException {
    scripts.update(id, draft(parts));
    return ScriptJson.of(scripts.find(id), scripts.versions(id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    scripts.delete(id);
    return Response.noContent().build();
  }

  /** A file of a version, for sync tools: {@code executable} or {@code input}. */
  @GET
  @Path("{id}/versions/{number}/{part: executable|input}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public void file(
      @PathParam("id") long id,
      @PathParam("number") int number,
      @PathParam("part") String part,
      @Context HttpServletResponse response)
      throws IOException {
    VersionRow version =
        scripts.versions(id).stream()
            .filter(v -> v.number() == number)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("script.notFound"));
    ScriptFiles.send(response, scripts.file(version.id(), "input".equals(part)));
  }

  private ScriptDraft draft(List<EntityPart> parts) throws IOException {
    Map<String, String> fields = new HashMap<>();
    UploadedFile executable = null;
    UploadedFile input = null;
    for (EntityPart part : parts) {
      switch (part.getName()) {
        case "executable" -> executable = file(part);
        case "input" -> input = file(part);
        default -> fields.put(part.getName(), text(part));
      }
    }
    String category = fields.get("category");
    if (category == null || category.isBlank()) {
      throw new InvalidInputException("script.category.required", "category");
    }
    return new ScriptDraft(
        fields.get("name"),
        categories.byName(category).id(),
        fields.get("description"),
        Boolean.parseBoolean(fields.getOrDefault("published", "false")),
        executable,
        input,
        Boolean.parseBoolean(fields.getOrDefault("removeInput", "false")));
  }

  /**
   * A text part, UTF-8 unless it names another charset: {@code curl -F name=Réseau} sends no
   * charset, and our customers write French.
   */
  private static String text(EntityPart part) throws IOException {
    // the part's own header: the media type RESTEasy reports for a part without one is US-ASCII
    String type = part.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
    String charset =
        type == null
            ? null
            : MediaType.valueOf(type).getParameters().get(MediaType.CHARSET_PARAMETER);
    try (InputStream in = part.getContent()) {
      byte[] bytes = in.readNBytes(ScriptDraft.MAX_DESCRIPTION * 4 + 1);
      try {
        return new String(
            bytes, charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("api.malformed", part.getName(), "charset " + charset);
      }
    }
  }

  /** Reads at most one byte more than allowed, so an oversized file is refused, not buffered. */
  private static UploadedFile file(EntityPart part) throws IOException {
    try (InputStream in = part.getContent()) {
      return new UploadedFile(
          part.getFileName().orElse(part.getName()), in.readNBytes(UploadedFile.MAX_BYTES + 1));
    }
  }
}
