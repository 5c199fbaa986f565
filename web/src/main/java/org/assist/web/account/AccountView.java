package org.assist.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import org.assist.application.AssistException;
import org.assist.application.Caller;
import org.assist.application.technician.TechnicianService;
import org.assist.web.Notices;
import org.assist.web.SignedInSessions;

/** My account: the signed-in technician changes their password. */
@Named
@RequestScoped
public class AccountView {
  @Inject private TechnicianService technicians;
  @Inject private Caller caller;
  private String currentPassword;
  private String newPassword;
  private String confirmPassword;

  /** Changes the password; an account that had to do so first goes on to its dashboard. */
  public String changePassword() {
    if (!Objects.equals(newPassword, confirmPassword)) {
      Notices.error("passwordForm:confirmPassword", "account.mismatch");
      return null;
    }
    try {
      boolean first = isPasswordToChange();
      technicians.changeOwnPassword(currentPassword, newPassword);
      // whoever knew the old password is signed out of the other consoles
      SignedInSessions.signOut(
          caller.name(),
          FacesContext.getCurrentInstance().getExternalContext().getSessionId(false));
      if (first) {
        Notices.flash("account.changed");
        return "/dashboard.xhtml?faces-redirect=true";
      }
      Notices.info("account.changed");
    } catch (AssistException e) {
      Notices.refused(e, "passwordForm");
    }
    return null;
  }

  /** Whether the signed-in account must replace its generated password before anything else. */
  public boolean isPasswordToChange() {
    return technicians.callerState() == TechnicianService.AccountState.PASSWORD_TO_CHANGE;
  }

  public String getCurrentPassword() {
    return null;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return null;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmPassword() {
    return null;
  }

  public void setConfirmPassword(String confirmPassword) {
    this.confirmPassword = confirmPassword;
  }
}
