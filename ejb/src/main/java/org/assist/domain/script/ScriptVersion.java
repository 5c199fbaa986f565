package org.assist.domain.script;

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
import org.assist.protocol.ScriptKind;

/**
 * One saved state of a script, never changed afterwards: its fields and its files with their
 * SHA-256. Runs record the version they ran.
 */
@Entity
@Table(name = "script_version")
public class ScriptVersion {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "script_id")
  private Script script;

  @Column(nullable = false)
  private int number;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "author_id")
  private Technician author;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false, length = 128)
  private String name;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "category_id")
  private ScriptCategory category;

  @Column(length = 2000)
  private String description;

  @Column(nullable = false)
  private boolean published;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ScriptKind kind;

  @Column(name = "executable_name", nullable = false)
  private String executableName;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "executable_id")
  private StoredFile executable;

  @Column(name = "input_name")
  private String inputName;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "input_id")
  private StoredFile input;

  protected ScriptVersion() {}

  public ScriptVersion(
      Script script,
      Technician author,
      String name,
      ScriptCategory category,
      String description,
      boolean published,
      ScriptKind kind,
      String executableName,
      StoredFile executable,
      String inputName,
      StoredFile input) {
    this.script = script;
    this.number = script.nextVersionNumber();
    this.author = author;
    this.createdAt = Instant.now();
    this.name = name;
    this.category = category;
    this.description = description;
    this.published = published;
    this.kind = kind;
    this.executableName = executableName;
    this.executable = executable;
    this.inputName = inputName;
    this.input = input;
  }

  public Long getId() {
    return id;
  }

  public Script getScript() {
    return script;
  }

  public int getNumber() {
    return number;
  }

  public Technician getAuthor() {
    return author;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getName() {
    return name;
  }

  public ScriptCategory getCategory() {
    return category;
  }

  public String getDescription() {
    return description;
  }

  public boolean isPublished() {
    return published;
  }

  public ScriptKind getKind() {
    return kind;
  }

  public String getExecutableName() {
    return executableName;
  }

  public StoredFile getExecutable() {
    return executable;
  }

  public String getInputName() {
    return inputName;
  }

  public StoredFile getInput() {
    return input;
  }
}
