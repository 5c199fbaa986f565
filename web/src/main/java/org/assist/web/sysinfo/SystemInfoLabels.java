package org.assist.web.sysinfo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import org.assist.web.Messages;

/**
 * The words for system-information keys in the technician's language. A key the console does not
 * know (a newer agent, or a hostile one) is shown as it is, as plain text.
 */
@Named
@RequestScoped
public class SystemInfoLabels {
  public String category(String id) {
    return label("sysinfo.cat.", id, locale());
  }

  public String key(String key) {
    return label("sysinfo.key.", key, locale());
  }

  static String label(String prefix, String key, Locale locale) {
    if (key == null) {
      return "";
    }
    String text = Messages.text(locale, prefix + key);
    return text.equals(prefix + key) ? key : text;
  }

  private static Locale locale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
