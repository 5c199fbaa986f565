package org.assist.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
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

  /**
   * Shows a refusal once: beside the field it is about ({@code formId:field}) when the page has
   * that field, which keeps what was typed in it, or else at the top.
   */
  public static void refused(AssistException refusal, String formId) {
    FacesContext context = FacesContext.getCurrentInstance();
    UIComponent field =
        refusal.field() == null || formId == null
            ? null
            : context.getViewRoot().findComponent(formId + ":" + refusal.field());
    add(
        field == null ? null : field.getClientId(context),
        FacesMessage.SEVERITY_ERROR,
        refusal.key(),
        refusal.args());
    context.validationFailed();
    if (field instanceof UIInput input) {
      // the model already has the value: shown again as typed, or an invalid field shows empty
      if (input.getSubmittedValue() == null && input.getValue() != null) {
        input.setSubmittedValue(input.getValue().toString());
      }
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
