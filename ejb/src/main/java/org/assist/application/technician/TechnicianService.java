package org.assist.application.technician;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.assist.application.AuditLog;
import org.assist.application.Caller;
import org.assist.application.CallerLookup;
import org.assist.application.ConflictException;
import org.assist.application.InvalidInputException;
import org.assist.application.NotFoundException;
import org.assist.application.Roles;
import org.assist.domain.technician.Role;
import org.assist.domain.technician.Technician;
import org.assist.infrastructure.security.PasswordHasher;

/** Console accounts: administrators add and disable them; everyone reads their own. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class TechnicianService {
  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private AuditLog audit;
  @Inject private Event<SignOutEverywhere> signOut;
  @Inject private SignInThrottle throttle;
  @Inject private CallerLookup lookup;

  public TechnicianRow add(NewTechnician request) {
    Role role = request.validate();
    String username = request.normalizedUsername();
    if (findByUsername(username).isPresent()) {
      throw new ConflictException("technician.username.taken", "username", username);
    }
    Technician technician =
        new Technician(
            username,
            request.normalizedDisplayName(),
            PasswordHasher.hash(request.password()),
            role);
    em.persist(technician);
    em.flush();
    audit.record("technician.add", username, "role=" + role.roleName());
    return TechnicianRow.of(technician);
  }

  public List<TechnicianRow> list() {
    return em.createNamedQuery("Technician.all", Technician.class)
        .getResultStream()
        .map(TechnicianRow::of)
        .toList();
  }

  /** Disables an account: it can no longer sign in. Administrators cannot disable themselves. */
  public TechnicianRow disable(long id) {
    Technician technician = byId(id);
    if (technician.getUsername().equals(caller.name())) {
      throw new InvalidInputException("technician.disable.self");
    }
    technician.disable();
    audit.record("technician.disable", technician.getUsername(), null);
    signOut.fire(new SignOutEverywhere(technician.getUsername()));
    return TechnicianRow.of(technician);
  }

  /**
   * Changes the name shown and the role. Administrators cannot take away their own role (someone
   * must be left to administer); a changed role applies at once: the account is signed out.
   */
  public TechnicianRow edit(long id, String displayName, String role) {
    Technician technician = byId(id);
    String name = NewTechnician.checkDisplayName(displayName);
    Role newRole = NewTechnician.roleOf(role);
    if (technician.getUsername().equals(caller.name()) && newRole != technician.getRole()) {
      throw new InvalidInputException("technician.role.self", "role");
    }
    if (technician.isDirectory() && newRole != technician.getRole()) {
      throw new InvalidInputException("technician.role.directory", "role");
    }
    String before = technician.getDisplayName() + ", " + technician.getRole().roleName();
    boolean roleChanged = newRole != technician.getRole();
    technician.describe(name, newRole);
    audit.record("technician.edit", technician.getUsername(), before + " → " + name + ", " + role);
    if (roleChanged) {
      signOut.fire(new SignOutEverywhere(technician.getUsername()));
    }
    return TechnicianRow.of(technician);
  }

  /**
   * Gives the account a new password, generated here and returned once (never stored but hashed,
   * never logged): its owner must change it at the next sign-in. The account is signed out.
   */
  public String resetPassword(long id) {
    Technician technician = byId(id);
    if (technician.isDirectory()) {
      throw new InvalidInputException("technician.password.directory");
    }
    String password = FirstAdministrator.generatePassword();
    technician.resetPassword(PasswordHasher.hash(password));
    audit.record("technician.reset", technician.getUsername(), null);
    signOut.fire(new SignOutEverywhere(technician.getUsername()));
    return password;
  }

  /** Notes a sign-in: the console's, or an API call's. */
  @PermitAll
  public void signedIn(String username) {
    findByUsername(NewTechnician.normalizeUsername(username))
        .ifPresent(t -> t.signedIn(java.time.Instant.now()));
  }

  public TechnicianRow enable(long id) {
    Technician technician = byId(id);
    technician.enable();
    audit.record("technician.enable", technician.getUsername(), null);
    return TechnicianRow.of(technician);
  }

  /** What the signed-in account may do now. */
  public enum AccountState {
    /** Anything its role allows. */
    ACTIVE,
    /** Only change its generated password. */
    PASSWORD_TO_CHANGE,
    /** Nothing: disabled or removed since it signed in. */
    DISABLED
  }

  @RolesAllowed(Roles.TECHNICIAN)
  public AccountState callerState() {
    return findByUsername(caller.name())
        .or(this::fromDirectory)
        .map(this::roleFromDirectory)
        .map(TechnicianService::accountState)
        .orElse(AccountState.DISABLED);
  }

  private static AccountState accountState(Technician technician) {
    return !technician.isEnabled()
        ? AccountState.DISABLED
        : technician.mustChangePassword() ? AccountState.PASSWORD_TO_CHANGE : AccountState.ACTIVE;
  }

  /**
   * Where an account stands for signing in: a fingerprint of what a checked password depends on,
   * and what the account may do now, as {@link #callerState()} would say; null for a directory's
   * account, whose role {@code callerState} keeps in step with the directory.
   */
  public record SignInState(String fingerprint, AccountState account) {}

  /**
   * Where signing in as {@code username} stands (one read of the account), or null for no such
   * account: a credential checked earlier stays good only while its fingerprint (password hash,
   * role, enabled) stays the same. The hash itself never leaves this method.
   */
  @PermitAll
  public SignInState signInState(String username) {
    return findByUsername(username.toLowerCase(java.util.Locale.ROOT))
        .map(
            t ->
                new SignInState(
                    org.assist.protocol.Sha256.hex(
                        (t.getPasswordHash() + "|" + t.getRole() + "|" + t.isEnabled())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    t.isDirectory() ? null : accountState(t)))
        .orElse(null);
  }

  /**
   * A caller signed in without an account in the database: the company's directory vouched for them
   * (only the LDAP realm lets anyone in without one), and they are a technician or an administrator
   * by its groups. Their account is made now, as the directory names them.
   */
  private Optional<Technician> fromDirectory() {
    String name = lookup.attribute("displayName");
    Technician technician =
        Technician.fromDirectory(
            caller.name(),
            name == null || name.isBlank() ? caller.name() : clean(name),
            PasswordHasher.hash(FirstAdministrator.generatePassword()),
            caller.isAdmin() ? Role.ADMIN : Role.TECHNICIAN);
    em.persist(technician);
    audit.record("technician.directory", technician.getUsername(), technician.getRole().roleName());
    return Optional.of(technician);
  }

  /** A directory account's role is the directory's, as its groups gave it at this sign-in. */
  private Technician roleFromDirectory(Technician technician) {
    Role role = caller.isAdmin() ? Role.ADMIN : Role.TECHNICIAN;
    if (technician.isDirectory() && technician.getRole() != role) {
      audit.record(
          "technician.directoryRole",
          technician.getUsername(),
          technician.getRole().roleName() + " → " + role.roleName());
      technician.describe(technician.getDisplayName(), role);
    }
    return technician;
  }

  /** A directory's name as Assist shows names: no markup, no control characters, 128 at most. */
  private static String clean(String name) {
    String text = name.replaceAll("[\\p{Cntrl}<>]", " ").strip();
    return text.length() <= 128 ? text : text.substring(0, 128);
  }

  /** The signed-in account, as pages show it. */
  @RolesAllowed(Roles.TECHNICIAN)
  public TechnicianRow signedIn() {
    return TechnicianRow.of(current());
  }

  /** The signed-in account. */
  @RolesAllowed(Roles.TECHNICIAN)
  public Technician current() {
    return findByUsername(caller.name()).orElseThrow(() -> new NotFoundException("technician"));
  }

  /**
   * The signed-in account changes its own password, proving it knows the current one (5 wrong tries
   * per 15 minutes at most: a console left open is no way to guess it).
   */
  @RolesAllowed(Roles.TECHNICIAN)
  public void changeOwnPassword(String current, String replacement) {
    Technician technician = current();
    if (technician.isDirectory()) {
      throw new InvalidInputException("technician.password.directory", "currentPassword");
    }
    if (!throttle.mayChangePassword(technician.getUsername())) {
      throw new InvalidInputException("technician.password.tooManyTries", "currentPassword");
    }
    boolean right = PasswordHasher.matches(current, technician.getPasswordHash());
    throttle.passwordChangeTried(technician.getUsername(), right);
    if (!right) {
      throw new InvalidInputException("technician.password.wrong", "currentPassword");
    }
    NewTechnician.checkPassword(replacement);
    boolean generated = technician.mustChangePassword();
    technician.changePasswordHash(PasswordHasher.hash(replacement));
    if (generated) {
      FirstAdministrator.forgetPassword();
    }
    audit.record("technician.password", technician.getUsername(), null);
  }

  private Technician byId(long id) {
    Technician technician = em.find(Technician.class, id);
    if (technician == null) {
      throw new NotFoundException("technician.notFound");
    }
    return technician;
  }

  private Optional<Technician> findByUsername(String username) {
    return em.createNamedQuery("Technician.byUsername", Technician.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }
}
