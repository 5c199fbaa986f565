package org.assist.domain.run;

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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.session.SupportSession;

/** A run on one session: the command sent to its agent, and the steps as they go. */
@Entity
@Table(name = "run_target")
public class RunTarget {
  // ids handed out 50 at a time, so that rows are inserted in batches (V7__Batched_ids)
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_target_seq")
  @SequenceGenerator(name = "run_target_seq", sequenceName = "run_target_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "run_id")
  private ScriptRun run;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "session_id")
  private SupportSession session;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "command_id")
  private AgentCommand command;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private TargetState state;

  @Column(length = 64)
  private String consent;

  @Column(length = 1024)
  private String detail;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @OneToMany(mappedBy = "target")
  @OrderBy("index")
  private List<RunStep> steps = new ArrayList<>();

  protected RunTarget() {}

  public RunTarget(ScriptRun run, SupportSession session, AgentCommand command) {
    this.run = run;
    this.session = session;
    this.command = command;
    this.state = TargetState.WAITING_FOR_CONSENT;
    this.updatedAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public ScriptRun getRun() {
    return run;
  }

  public SupportSession getSession() {
    return session;
  }

  public AgentCommand getCommand() {
    return command;
  }

  public TargetState getState() {
    return state;
  }

  public String getConsent() {
    return consent;
  }

  public String getDetail() {
    return detail;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<RunStep> getSteps() {
    return steps;
  }

  /** Moves on unless finished already; returns whether anything changed. */
  public boolean moveTo(TargetState next, String why) {
    if (state.isFinished() || state == next) {
      return false;
    }
    state = next;
    if (why != null) {
      detail = why.length() <= 1024 ? why : why.substring(0, 1024);
    }
    updatedAt = Instant.now();
    return true;
  }

  /**
   * The agent's own word on how the run ended: applied even after the run was said interrupted (the
   * agent was out of reach, and says now what happened meanwhile); never over another end.
   */
  public boolean ended(TargetState next, String why) {
    if (state == TargetState.INTERRUPTED && next != TargetState.INTERRUPTED) {
      state = TargetState.RUNNING;
      detail = null;
    }
    return moveTo(next, why);
  }

  public void consented(String how) {
    consent = how == null || how.length() <= 64 ? how : how.substring(0, 64);
  }
}
