package org.assist.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.assist.application.Caller;
import org.assist.application.technician.TechnicianRow;
import org.assist.application.technician.TechnicianService;

/** The signed-in technician as the template shows them, and signing out. */
@Named
@RequestScoped
public class CurrentUser {
  @Inject private HttpServletRequest request;
  @Inject private TechnicianService technicians;
  @Inject private Caller caller;
  private TechnicianRow technician;

  public boolean isSignedIn() {
    return request.getUserPrincipal() != null;
  }

  public boolean isAdmin() {
    return caller.isAdmin();
  }

  public String getDisplayName() {
    return technician().displayName();
  }

  private TechnicianRow technician() {
    if (technician == null) {
      technician = technicians.signedIn();
    }
    return technician;
  }

  /** Ends the sign-in and the HTTP session, then shows the sign-in page. */
  public void signOut() throws ServletException, IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }
}
