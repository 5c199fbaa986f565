package org.assist.web.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assist.application.AssistException;
import org.assist.application.login.LogInService;
import org.assist.application.session.SessionRow;
import org.assist.application.session.SupportSessionService;
import org.assist.protocol.Credentials;
import org.assist.web.Notices;
import org.primefaces.PrimeFaces;

/**
 * "Log in as another user": once the customer allowed it, the technician types the account's
 * credentials. Request-scoped, so the password lives for one request only: it is sealed to the
 * customer's agent at once and never kept, not in the view's state either.
 */
@Named
@RequestScoped
public class LogInDialog {
  @Inject private SupportSessionService sessions;
  @Inject private LogInService logIns;

  private Long sessionId;
  private String computer;
  private boolean windows;
  private String username;
  private String password;
  private String domain;

  /** Opens the dialog for this session. */
  public void open(long id) {
    try {
      SessionRow session = sessions.row(id);
      sessionId = id;
      computer = session.customer() == null ? "" : session.customer().computerName();
      windows =
          session.customer() != null
              && session.customer().osName() != null
              && session.customer().osName().startsWith("Windows");
      PrimeFaces.current().ajax().update("logInForm");
      PrimeFaces.current().executeScript("PF('logInDialog').show()");
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }

  /** Sends the credentials, sealed to the customer's agent. */
  public void submit() {
    try {
      Credentials credentials = new Credentials(username, password, domain);
      logIns.logIn(sessionId, credentials);
      Notices.info("logIn.sent", credentials.account());
      PrimeFaces.current().executeScript("PF('logInDialog').hide()");
    } catch (AssistException e) {
      Notices.refused(e, "logInForm");
    } catch (IllegalArgumentException e) {
      Notices.error("logInForm:password", "logIn.password.required");
    } finally {
      password = null;
    }
  }

  public Long getSessionId() {
    return sessionId;
  }

  public void setSessionId(Long sessionId) {
    this.sessionId = sessionId;
  }

  public String getComputer() {
    return computer;
  }

  public boolean isWindows() {
    return windows;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  /** Never shown again: the field stays empty. */
  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }
}
