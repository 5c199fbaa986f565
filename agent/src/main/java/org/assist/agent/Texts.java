package org.assist.agent;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** What the agent says to the customer, in their language (English or French). */
public final class Texts {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("org.assist.agent.texts", Locale.getDefault());

  private Texts() {}

  public static String get(String key, Object... args) {
    String pattern = BUNDLE.getString(key);
    return args.length == 0 ? pattern.replace("''", "'") : MessageFormat.format(pattern, args);
  }
}
