package org.assist.domain.technician;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A console account. The Elytron jdbc-realm signs people in from this table directly, so the
 * password is only ever present here as a bcrypt hash and a disabled account cannot sign in.
 */
@Entity
@Table(name = "technician")
@NamedQuery(
    name = "Technician.byUsername",
    query = "select t from Technician t where t.username = :username")
@NamedQuery(name = "Technician.all", query = "select t from Technician t order by t.username")
@NamedQuery(
    name = "Technician.countByRole",
    query = "select count(t) from Technician t where t.role = :role")
public class Technician {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = 128)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 100)
  private String passwordHash;

  @Column(nullable = false, length = 16)
  private Role role;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Its password was generated, not chosen: it must be changed before anything else. */
  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  protected Technician() {}

  public Technician(String username, String displayName, String passwordHash, Role role) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.role = role;
    this.enabled = true;
    this.createdAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  /** The bcrypt hash in modular crypt form; the password itself is never kept. */
  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void enable() {
    enabled = true;
  }

  public void disable() {
    enabled = false;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  /** The password was generated: its owner changes it at the first sign-in. */
  public void requirePasswordChange() {
    mustChangePassword = true;
  }

  public void changePasswordHash(String passwordHash) {
    mustChangePassword = false;
    this.passwordHash = passwordHash;
  }
}
