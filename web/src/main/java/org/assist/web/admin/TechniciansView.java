package org.assist.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.AssistException;
import org.assist.application.technician.NewTechnician;
import org.assist.application.technician.TechnicianRow;
import org.assist.application.technician.TechnicianService;
import org.assist.web.Notices;
import org.primefaces.PrimeFaces;

/**
 * Administration → Technicians: the accounts and their last sign-in; adding one, changing its name
 * and role, resetting its password, disabling and enabling.
 */
@Named
@ViewScoped
public class TechniciansView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private TechnicianService technicians;
  private List<TechnicianRow> all;
  private String username;
  private String displayName;
  private String password;
  private String role = "technician";
  private Long editing;
  private String editName;
  private String editRole;
  private String resetFor;
  private String resetPassword;

  @PostConstruct
  void load() {
    all = technicians.list();
  }

  public void add() {
    try {
      TechnicianRow added =
          technicians.add(new NewTechnician(username, displayName, password, role));
      Notices.info("technicians.added", added.username());
      username = null;
      displayName = null;
      role = "technician";
      PrimeFaces.current().executeScript("PF('addTechnician').hide()");
      load();
    } catch (AssistException e) {
      Notices.refused(e, "addForm");
    } finally {
      password = null;
    }
  }

  public void disable(long id) {
    try {
      Notices.info("technicians.disabled", technicians.disable(id).username());
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
    load();
  }

  public void enable(long id) {
    Notices.info("technicians.enabledAgain", technicians.enable(id).username());
    load();
  }

  /** Opens the change dialog on this account. */
  public void startEdit(TechnicianRow row) {
    editing = row.id();
    editName = row.displayName();
    editRole = row.role();
    PrimeFaces.current().executeScript("PF('editTechnician').show()");
  }

  public void saveEdit() {
    try {
      Notices.info("technicians.changed", technicians.edit(editing, editName, editRole).username());
      PrimeFaces.current().executeScript("PF('editTechnician').hide()");
      load();
    } catch (AssistException e) {
      Notices.refused(e, "editForm");
    }
  }

  /** Gives the account a new password, shown once in a dialog; its owner must change it. */
  public void reset(TechnicianRow row) {
    try {
      resetPassword = technicians.resetPassword(row.id());
      resetFor = row.username();
      PrimeFaces.current().executeScript("PF('resetDone').show()");
      load();
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }

  /** The password just generated, once: it is forgotten as soon as the dialog closes. */
  public String takeResetPassword() {
    String shown = resetPassword;
    resetPassword = null;
    return shown;
  }

  public String getResetFor() {
    return resetFor;
  }

  public String getEditName() {
    return editName;
  }

  public void setEditName(String editName) {
    this.editName = editName;
  }

  public String getEditRole() {
    return editRole;
  }

  public void setEditRole(String editRole) {
    this.editRole = editRole;
  }

  public List<TechnicianRow> getAll() {
    return all;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
