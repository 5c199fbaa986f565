package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.assist.application.InvalidInputException;
import org.assist.application.agent.CommandRow;
import org.assist.application.login.LogInService;
import org.assist.application.restart.RestartService;
import org.assist.application.run.RunDetails;
import org.assist.application.session.ReportEntry;
import org.assist.application.session.SessionFilter;
import org.assist.application.session.SessionQuery;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.domain.session.SessionState;
import org.assist.protocol.Credentials;
import org.assist.web.Days;
import org.assist.web.LanguageView;
import org.assist.web.report.ReportDocument;
import org.assist.web.report.ReportWords;

/** {@code /api/v1/sessions}: start, list, read and end support sessions. */
@Path("v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject private RestartService restarts;
  @Inject private LogInService logIns;
  @Context private HttpServletRequest request;
  @Inject private SupportSessionService sessions;

  @POST
  public Response start(@Context UriInfo uri) {
    SessionRow session = sessions.start();
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(session.id())).build())
        .entity(SessionJson.of(session))
        .build();
  }

  /**
   * The caller's sessions (an administrator's: everyone's) that match the search, newest first
   * unless {@code sort} ({@code number}, {@code technician}, {@code computer}, {@code account},
   * {@code createdAt}, {@code state}) and {@code order} ({@code asc}, {@code desc}) say otherwise;
   * {@code X-Total-Count} says how many match in all. Dates are {@code YYYY-MM-DD}, both included.
   */
  @GET
  public Response list(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max,
      @QueryParam("number") String number,
      @QueryParam("technician") String technician,
      @QueryParam("computer") String computer,
      @QueryParam("account") String account,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("state") String state,
      @QueryParam("sort") @DefaultValue("createdAt") String sort,
      @QueryParam("order") @DefaultValue("desc") String order) {
    SessionFilter filter =
        new SessionFilter(
            number,
            technician,
            computer,
            account,
            Days.of("from", from),
            Days.of("to", to),
            state == null || state.isBlank() ? null : stateOf(state));
    List<SessionJson> page =
        sessions.list(new SessionQuery(first, max, sort, "asc".equals(order), filter)).stream()
            .map(SessionJson::of)
            .toList();
    return Response.ok(page).header("X-Total-Count", sessions.count(filter)).build();
  }

  private static SessionState stateOf(String text) {
    try {
      return SessionState.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "api.malformed", "state", "state (WAITING, CONNECTED or ENDED)");
    }
  }

  @GET
  @Path("{id}")
  public SessionJson get(@PathParam("id") long id) {
    return SessionJson.of(sessions.row(id));
  }

  /**
   * Asks the customer to let the computer restart (202 with the request, as system information
   * answers); the session then shows {@code RESTARTING} until the agent is back by itself.
   */
  @POST
  @Path("{id}/restart")
  public Response restart(@PathParam("id") long id) {
    return accepted(restarts.request(id));
  }

  /**
   * Logs in to the customer's computer as another account: {@code {"username", "password",
   * "domain"}} (domain for Windows only). The customer is asked first, on their computer; then the
   * agent checks the credentials with the operating system, and the session shows {@code
   * workingAs}, or {@code logInNote} says why not. Without a body, only asks the customer (the
   * credentials follow in a second call, once {@code logInState} is {@code ALLOWED}). 202 with the
   * request; the password is sealed to the agent at once and kept nowhere.
   */
  @POST
  @Path("{id}/log-in-as")
  public Response logInAs(@PathParam("id") long id, String text) {
    Credentials credentials = null;
    JsonObject body = text == null || text.isBlank() ? null : JsonBodies.parse(text);
    if (body != null && !body.isEmpty()) {
      String username = JsonBodies.text(body, "username");
      String password = JsonBodies.text(body, "password");
      String domain = body.get("domain") instanceof JsonString value ? value.getString() : null;
      if (username.isBlank() || username.length() > Credentials.MAX_NAME) {
        throw new InvalidInputException("logIn.username.required", "username");
      }
      if (password.isEmpty() || password.length() > Credentials.MAX_PASSWORD) {
        throw new InvalidInputException("logIn.password.required", "password");
      }
      credentials = new Credentials(username, password, domain);
    }
    return accepted(logIns.logIn(id, credentials));
  }

  /** Stops working as the other account: the customer gets the computer back (202). */
  @POST
  @Path("{id}/log-off")
  public Response logOff(@PathParam("id") long id) {
    return accepted(logIns.logOff(id));
  }

  private static Response accepted(CommandRow command) {
    return Response.accepted(
            new SystemInfoResource.RequestJson(command.id(), command.status().name()))
        .build();
  }

  /**
   * One entry of a session's report, in words in the caller's language.
   *
   * @param group the kind of entry a reader filters by
   * @param script the script step whose end the entry tells, or null
   */
  public record ReportLineJson(
      Instant at,
      String kind,
      String group,
      String who,
      String what,
      String commandId,
      ScriptJson script) {}

  /**
   * A script's end as the report shows it.
   *
   * @param output the beginning of its output; {@code outputCut} says whether more is kept
   */
  public record ScriptJson(
      long stepId,
      String name,
      int version,
      String sha256,
      Integer exitCode,
      Long durationMillis,
      boolean timedOut,
      String error,
      String output,
      boolean outputCut) {
    static ScriptJson of(ReportEntry.Script script) {
      RunDetails.Step step = script.step();
      return new ScriptJson(
          step.id(),
          step.name(),
          step.version(),
          step.sha256(),
          step.exitCode(),
          step.durationMillis(),
          step.timedOut(),
          step.error(),
          script.output(),
          script.outputCut());
    }
  }

  /**
   * The session's report, oldest entry first, in words in the caller's language ({@code
   * Accept-Language}): {@code ?format=json} (the default), {@code txt} (a text file) or {@code
   * pdf}.
   */
  @GET
  @Path("{id}/report")
  @Produces({
    MediaType.APPLICATION_JSON,
    MediaType.TEXT_PLAIN,
    "application/pdf",
    MediaType.WILDCARD
  })
  public Response report(
      @PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
    SessionRow session = sessions.row(id);
    List<ReportEntry> entries = sessions.report(id);
    Locale locale = LanguageView.supported(request.getLocale().getLanguage());
    return switch (format) {
      case "txt", "pdf" -> {
        ReportDocument.Export export =
            ReportDocument.of(locale, session, entries).export(format, session);
        yield Response.ok(export.bytes(), export.contentType())
            .header("Content-Disposition", export.disposition())
            .build();
      }
      case "json" ->
          Response.ok(
                  entries.stream()
                      .map(
                          entry ->
                              new ReportLineJson(
                                  entry.at(),
                                  entry.kind().name(),
                                  entry.kind().group().name(),
                                  ReportWords.who(locale, entry, session),
                                  ReportWords.what(locale, entry),
                                  entry.commandId(),
                                  entry.script() == null ? null : ScriptJson.of(entry.script())))
                      .toList(),
                  MediaType.APPLICATION_JSON)
              .build();
      default ->
          throw new InvalidInputException("api.malformed", "format", "format (json, txt or pdf)");
    };
  }

  /**
   * What the message broker still holds for the session's agent: its queue, addresses and
   * permissions (administrators; empty once an ended session's agent was released).
   */
  @GET
  @Path("{id}/broker")
  public List<String> brokerHoldings(@PathParam("id") long id) {
    return sessions.brokerHoldings(id);
  }

  @DELETE
  @Path("{id}")
  public SessionJson end(@PathParam("id") long id) {
    return SessionJson.of(sessions.end(id));
  }
}
