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

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  /**
   * An account of the company's directory: the directory checks its password and gives its role.
   */
  @Column(nullable = false)
  private boolean directory;

  protected Technician() {}

  /**
   * A directory account at its first sign-in. Its password hash is one no password matches (the
   * directory checks passwords), so that the database's own sign-in never lets it in.
   */
  public static Technician fromDirectory(
      String username, String displayName, String unusableHash, Role role) {
    Technician technician = new Technician(username, displayName, unusableHash, role);
    technician.directory = true;
    return technician;
  }

  public boolean isDirectory() {
    return directory;
  }

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

  /** An administrator changed the name shown and the role. */
  public void describe(String displayName, Role role) {
    this.displayName = displayName;
    this.role = role;
  }

  /** An administrator gave a new password: its owner changes it at the next sign-in. */
  public void resetPassword(String passwordHash) {
    this.passwordHash = passwordHash;
    mustChangePassword = true;
  }

  public void signedIn(Instant when) {
    lastSignInAt = when;
  }

  public Instant getLastSignInAt() {
    return lastSignInAt;
  }

  public void changePasswordHash(String passwordHash) {
    mustChangePassword = false;
    this.passwordHash = passwordHash;
  }
}
