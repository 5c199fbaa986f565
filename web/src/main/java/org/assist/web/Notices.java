package org.assist.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.assist.application.AssistException;

/** Messages shown to the technician on the page, in the page's language. */
public final class Notices {
  private Notices() {}

  public static void info(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, key, args);
  }

  /** An information message that survives the redirect that follows the action. */
  public static void flash(String key, Object... args) {
    info(key, args);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  public static void error(String clientId, String key, Object... args) {
    add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
  }

  /** Shows a refusal beside the field it is about ({@code formId:field}), or at the top. */
  public static void refused(AssistException refusal, String formId) {
    String clientId = refusal.field() == null ? null : formId + ":" + refusal.field();
    add(clientId, FacesMessage.SEVERITY_ERROR, refusal.key(), refusal.args());
    FacesContext context = FacesContext.getCurrentInstance();
    context.validationFailed();
    if (clientId != null
        && context.getViewRoot().findComponent(clientId)
            instanceof jakarta.faces.component.UIInput input) {
      input.setValid(false);
    }
  }

  private static void add(
      String clientId, FacesMessage.Severity severity, String key, Object... args) {
    FacesContext context = FacesContext.getCurrentInstance();
    String text = Messages.text(context.getViewRoot().getLocale(), key, args);
    context.addMessage(clientId, new FacesMessage(severity, text, null));
  }
}
