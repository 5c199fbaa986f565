package org.assist.domain.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chunk of a script's output, as it came: untrusted text, escaped wherever shown. */
@Entity
@Table(name = "run_output")
public class RunOutput {
  // ids handed out 50 at a time, so that rows are inserted in batches (V7__Batched_ids)
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_output_seq")
  @SequenceGenerator(name = "run_output_seq", sequenceName = "run_output_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "step_id")
  private RunStep step;

  @Column(nullable = false)
  private int seq;

  @Column(nullable = false, length = 6)
  private String stream;

  @Column(nullable = false)
  private String text;

  @Column(nullable = false)
  private Instant at;

  protected RunOutput() {}

  public RunOutput(RunStep step, int seq, boolean stderr, String text) {
    this.step = step;
    this.seq = seq;
    this.stream = stderr ? "stderr" : "stdout";
    this.text = text;
    this.at = Instant.now();
  }

  /** The step's id (without loading the step). */
  public long getStepId() {
    return step.getId();
  }

  public int getSeq() {
    return seq;
  }

  public boolean isStderr() {
    return "stderr".equals(stream);
  }

  public String getStream() {
    return stream;
  }

  public String getText() {
    return text;
  }

  public Instant getAt() {
    return at;
  }
}
