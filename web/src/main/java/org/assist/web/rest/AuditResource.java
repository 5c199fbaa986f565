package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assist.application.InvalidInputException;
import org.assist.application.audit.AuditFilter;
import org.assist.application.audit.AuditService;
import org.assist.application.audit.AuditService.AuditRow;
import org.assist.web.Days;
import org.assist.web.LanguageView;
import org.assist.web.admin.AuditCsv;

/**
 * {@code /api/v1/audit} (administrators): the audit log, newest first, searched by {@code actor},
 * {@code action}, {@code q} (text in the target, detail or address), {@code from} and {@code to}
 * ({@code YYYY-MM-DD}, both included), paged by {@code first} and {@code max}; {@code
 * X-Total-Count} says how many match in all. {@code ?format=csv} gives a CSV file.
 */
@Path("v1/audit")
public class AuditResource {
  @Inject private AuditService audit;
  @Context private HttpServletRequest request;

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public Response list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("q") String text,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max,
      @QueryParam("format") @DefaultValue("json") String format) {
    AuditFilter filter =
        new AuditFilter(actor, action, text, Days.of("from", from), Days.of("to", to));
    List<AuditRow> rows = audit.list(filter, first, max);
    return switch (format) {
      case "json" ->
          Response.ok(rows, MediaType.APPLICATION_JSON)
              .header("X-Total-Count", audit.count(filter))
              .build();
      case "csv" ->
          Response.ok(
                  (StreamingOutput)
                      output -> {
                        Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
                        AuditCsv.write(
                            LanguageView.supported(request.getLocale().getLanguage()), rows, out);
                        out.flush();
                      },
                  "text/csv; charset=UTF-8")
              .header("Content-Disposition", "attachment; filename=\"assist-audit.csv\"")
              .build();
      default -> throw new InvalidInputException("api.malformed", "format", "format (json or csv)");
    };
  }
}
