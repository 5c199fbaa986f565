package org.assist.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's texts in English and French, for Java code (pages use {@code #{msg}}). */
public final class Messages {
  public static final String BUNDLE = "org.assist.web.messages";

  private Messages() {}

  /** The text for a key, formatted with its arguments; the key itself when it has no text. */
  public static String text(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
