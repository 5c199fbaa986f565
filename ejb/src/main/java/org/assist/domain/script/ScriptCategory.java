package org.assist.domain.script;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A category of the script library, managed by administrators. Names are unique in any case. */
@Entity
@Table(name = "script_category")
public class ScriptCategory {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(name = "name_key", nullable = false, length = 64)
  private String nameKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ScriptCategory() {}

  public ScriptCategory(String name) {
    rename(name);
    this.createdAt = Instant.now();
  }

  public static String keyOf(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void rename(String newName) {
    this.name = newName.strip();
    this.nameKey = keyOf(newName);
  }
}
