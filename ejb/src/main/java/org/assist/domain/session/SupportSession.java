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

  /** Ends the session; ending an ended session changes nothing. */
  public void end() {
    if (isOpen()) {
      state = SessionState.ENDED;
      endedAt = Instant.now();
      openNumber = null;
    }
  }
}
