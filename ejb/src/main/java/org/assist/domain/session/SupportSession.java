package org.assist.domain.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.assist.domain.agent.Agent;
import org.assist.domain.technician.Technician;
import org.assist.protocol.SessionNumber;

/**
 * One support session between a technician and a customer's computer. Its number is unique among
 * open sessions only ({@code open_number} is cleared when it ends), so numbers can be reused later
 * while ended sessions keep theirs in the report.
 */
@Entity
@Table(name = "support_session")
public class SupportSession {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 9)
  private String number;

  @Column(name = "open_number", length = 9)
  private String openNumber;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "technician_id")
  private Technician technician;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SessionState state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agent_id")
  private Agent agent;

  @Column(name = "joined_at")
  private Instant joinedAt;

  /** Since when its computer restarts; null when it does not. */
  @Column(name = "restarting_since")
  private Instant restartingSince;

  /** Its computer was not back within the time allowed (said once in the report). */
  @Column(name = "restart_overdue", nullable = false)
  private boolean restartOverdue;

  /** How long its computer's last restart took, until the agent was back. */
  @Column(name = "last_restart_millis")
  private Long lastRestartMillis;

  /** Where a log-in as another account stands; null when none is going on. */
  @Enumerated(EnumType.STRING)
  @Column(name = "log_in", length = 16)
  private LogInState logIn;

  /** The account the technician works as (or tries), as the agent named it. */
  @Column(name = "working_as", length = 513)
  private String workingAs;

  /** The agent's last word on a log-in that did not happen (untrusted text). */
  @Column(name = "log_in_note", length = 512)
  private String logInNote;

  /** Wrong credentials in a row. */
  @Column(name = "log_in_failures", nullable = false)
  private int logInFailures;

  /** Until when logging in is refused after too many wrong credentials. */
  @Column(name = "log_in_blocked_until")
  private Instant logInBlockedUntil;

  protected SupportSession() {}

  public SupportSession(SessionNumber number, Technician technician) {
    this.number = number.digits();
    this.openNumber = number.digits();
    this.technician = technician;
    this.state = SessionState.WAITING;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  /** The nine digits without separators. */
  public String getNumber() {
    return number;
  }

  /** The number as people read it, {@code 123 456 789}. */
  public String getDisplayNumber() {
    return SessionNumber.display(number);
  }

  public Technician getTechnician() {
    return technician;
  }

  public SessionState getState() {
    return state;
  }

  public boolean isOpen() {
    return state != SessionState.ENDED;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public Agent getAgent() {
    return agent;
  }

  public Instant getJoinedAt() {
    return joinedAt;
  }

  public Instant getRestartingSince() {
    return restartingSince;
  }

  public boolean isRestartOverdue() {
    return restartOverdue;
  }

  public Long getLastRestartMillis() {
    return lastRestartMillis;
  }

  /** The customer allowed a restart: the computer goes down now. */
  public void restarting(Instant since) {
    restartingSince = since;
    restartOverdue = false;
  }

  /** The computer was not back in time. */
  public void restartOverdue() {
    restartOverdue = true;
  }

  /**
   * The agent is back after the restart; returns how long it took, or null if none was going on.
   */
  public Long backFromRestart(Instant now) {
    if (restartingSince == null) {
      return null;
    }
    lastRestartMillis = java.time.Duration.between(restartingSince, now).toMillis();
    restartingSince = null;
    restartOverdue = false;
    return lastRestartMillis;
  }

  /** The restart did not happen (the system refused it): the session goes on as before. */
  public void restartFailed() {
    restartingSince = null;
    restartOverdue = false;
  }

  public LogInState getLogIn() {
    return logIn;
  }

  public String getWorkingAs() {
    return workingAs;
  }

  public String getLogInNote() {
    return logInNote;
  }

  public Instant getLogInBlockedUntil() {
    return logInBlockedUntil;
  }

  /** Whether logging in is refused now, after too many wrong credentials. */
  public boolean isLogInBlocked(Instant now) {
    return logInBlockedUntil != null && now.isBefore(logInBlockedUntil);
  }

  /** The customer is asked to let the technician log in. */
  public void logInAsked() {
    logIn = LogInState.ASKED;
    logInNote = null;
  }

  /** The customer allowed it. */
  public void logInAllowed() {
    if (logIn != LogInState.WORKING) {
      logIn = LogInState.ALLOWED;
    }
  }

  /** The technician works as this account now. */
  public void loggedIn(String account) {
    logIn = LogInState.WORKING;
    workingAs = clip(account, 513);
    logInNote = null;
    logInFailures = 0;
    logInBlockedUntil = null;
  }

  /**
   * The operating system refused the credentials; after {@code limit} in a row, logging in is
   * refused until {@code blockedUntil} (and the customer asked again after it). Returns whether
   * this one blocked it.
   */
  public boolean logInRefused(String note, int limit, Instant blockedUntil) {
    logInNote = clip(note, 512);
    logInFailures++;
    if (logInFailures < limit) {
      return false;
    }
    logIn = null;
    logInFailures = 0;
    logInBlockedUntil = blockedUntil;
    return true;
  }

  /**
   * No log-in: declined, impossible on that computer ({@code note} says why), or over; returns the
   * account worked as, if any.
   */
  public String loggedOff(String note) {
    String account = logIn == LogInState.WORKING ? workingAs : null;
    logIn = null;
    workingAs = null;
    logInNote = clip(note, 512);
    return account;
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** Whether a customer may still join with the number: once, and only while it is fresh. */
  public boolean isJoinable(Instant now, java.time.Duration window) {
    return state == SessionState.WAITING && now.isBefore(createdAt.plus(window));
  }

  /** The customer's agent joined: the number cannot be used to join again. */
  public void join(Agent joined) {
    if (state != SessionState.WAITING) {
      throw new IllegalStateException("session " + id + " is not waiting for a customer");
    }
    agent = joined;
    joinedAt = Instant.now();
    state = SessionState.CONNECTED;
  }

  /** Ends the session; ending an ended session changes nothing. */
  public void end() {
    if (isOpen()) {
      state = SessionState.ENDED;
      endedAt = Instant.now();
      openNumber = null;
      if (agent != null) {
        agent.revoke();
      }
    }
  }
}
