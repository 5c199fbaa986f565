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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.assist.application.InvalidInputException;
import org.assist.application.agent.CommandRow;
import org.assist.application.login.LogInService;
import org.assist.application.restart.RestartService;
import org.assist.application.session.ReportEntry;
import org.assist.application.session.SessionQuery;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.protocol.Credentials;
import org.assist.web.LanguageView;
import org.assist.web.Messages;
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

  /** The caller's sessions (an administrator's: everyone's), newest first. */
  @GET
  public List<SessionJson> list(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    return sessions.list(SessionQuery.newest(first, max)).stream().map(SessionJson::of).toList();
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

  /** One entry of a session's report, in words in the caller's language. */
  public record ReportLineJson(
      Instant at, String kind, String who, String what, String commandId) {}

  /**
   * The session's report, oldest entry first, in words in the caller's language ({@code
   * Accept-Language}); {@code ?format=txt} gives it as a text file.
   */
  @GET
  @Path("{id}/report")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
  public Response report(
      @PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
    SessionRow session = sessions.row(id);
    List<ReportEntry> entries = sessions.report(id);
    Locale locale = LanguageView.supported(request.getLocale().toLanguageTag());
    if ("txt".equals(format)) {
      StringBuilder text =
          new StringBuilder(
              Messages.text(
                  locale, "report.txt.title", session.displayNumber(), session.technicianName()));
      text.append("\n\n");
      for (ReportEntry entry : entries) {
        text.append(TEXT_TIME.format(entry.at()))
            .append("  ")
            .append(ReportWords.who(locale, entry, session))
            .append("  ")
            .append(ReportWords.what(locale, entry))
            .append('\n');
      }
      return Response.ok(text.toString(), "text/plain; charset=UTF-8")
          .header(
              "Content-Disposition",
              "attachment; filename=\"session-" + session.number() + "-report.txt\"")
          .build();
    }
    if (!"json".equals(format)) {
      throw new InvalidInputException("api.malformed", "format", "format (json or txt)");
    }
    return Response.ok(
            entries.stream()
                .map(
                    entry ->
                        new ReportLineJson(
                            entry.at(),
                            entry.kind().name(),
                            ReportWords.who(locale, entry, session),
                            ReportWords.what(locale, entry),
                            entry.commandId()))
                .toList(),
            MediaType.APPLICATION_JSON)
        .build();
  }

  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @DELETE
  @Path("{id}")
  public SessionJson end(@PathParam("id") long id) {
    return SessionJson.of(sessions.end(id));
  }
}
