package org.assist.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import org.assist.application.AuditLog;
import org.assist.web.Messages;

/**
 * An audit log action in the words of the reader's language ("Technician added", "Refused: delete a
 * script"); an action without words of its own (a refused page or API call) shows as recorded.
 */
@Named
@RequestScoped
public class AuditWords {
  public String what(String action) {
    return what(FacesContext.getCurrentInstance().getViewRoot().getLocale(), action);
  }

  public static String what(Locale locale, String action) {
    if (action.startsWith(AuditLog.REFUSED)) {
      return Messages.text(
          locale, "audit.refused", what(locale, action.substring(AuditLog.REFUSED.length())));
    }
    String key = "audit.action." + action;
    String text = Messages.text(locale, key);
    return text.equals(key) ? action : text;
  }
}
