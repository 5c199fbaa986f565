package org.assist.domain.script;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.assist.domain.technician.Technician;

/**
 * A script of the library. What it is (name, category, files...) lives in its versions; the script
 * only knows its author, its current version, and whether it was deleted (its versions stay, since
 * session reports say which version ran).
 */
@Entity
@Table(name = "script")
public class Script {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name_key", length = 128)
  private String nameKey;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "author_id")
  private Technician author;

  @Column(nullable = false)
  private boolean deleted;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "current_version_id")
  private ScriptVersion current;

  protected Script() {}

  public Script(Technician author) {
    this.author = author;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Technician getAuthor() {
    return author;
  }

  public boolean isDeleted() {
    return deleted;
  }

  public ScriptVersion getCurrent() {
    return current;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The next version number. */
  public int nextVersionNumber() {
    return current == null ? 1 : current.getNumber() + 1;
  }

  /** Makes a new version the current one (and its name the script's). */
  public void advanceTo(ScriptVersion version) {
    this.current = version;
    this.nameKey = ScriptCategory.keyOf(version.getName());
  }

  /** Takes the script out of the library; its name becomes free again. */
  public void delete() {
    deleted = true;
    nameKey = null;
  }
}
