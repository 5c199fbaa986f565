package org.assist.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import org.assist.application.AssistException;
import org.assist.application.session.SessionFilter;
import org.assist.application.session.SupportSessionService;
import org.assist.domain.session.SessionState;
import org.assist.web.Notices;

/**
 * The Sessions page: every session the technician may see (an administrator: everyone's), searched
 * by number, technician, computer, account, dates and state, lazily loaded and sortable.
 */
@Named
@ViewScoped
public class SessionListView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  private SessionDataModel model;
  private String number;
  private String technician;
  private String computer;
  private String account;
  private LocalDate from;
  private LocalDate to;
  private SessionState state;

  @PostConstruct
  void init() {
    model = new SessionDataModel(sessions);
  }

  public SessionDataModel getModel() {
    return model;
  }

  /** Searches with what the form says. */
  public void search() {
    model.search(new SessionFilter(number, technician, computer, account, from, to, state));
  }

  /** Empties the search: every session again. */
  public void clear() {
    number = technician = computer = account = null;
    from = to = null;
    state = null;
    model.search(SessionFilter.NONE);
  }

  /** Whether a search narrows the list. */
  public boolean isSearching() {
    return !model.filter().equals(SessionFilter.NONE);
  }

  public SessionState[] getStates() {
    return SessionState.values();
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getTechnician() {
    return technician;
  }

  public void setTechnician(String technician) {
    this.technician = technician;
  }

  public String getComputer() {
    return computer;
  }

  public void setComputer(String computer) {
    this.computer = computer;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public SessionState getState() {
    return state;
  }

  public void setState(SessionState state) {
    this.state = state;
  }

  public void end(long id) {
    try {
      Notices.info("session.ended", sessions.end(id).displayNumber());
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }
}
