package org.assist.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The console's language: chosen with the switch (kept in a cookie, so it outlives sign-out and
 * applies on the sign-in page), else the browser's preference, else English.
 */
@Named("language")
@RequestScoped
public class LanguageView {
  static final String COOKIE = "assist-lang";
  static final String PARAMETER = "lang";
  static final List<String> SUPPORTED = List.of("en", "fr");

  @Inject private HttpServletRequest request;

  public Locale getLocale() {
    String chosen = (String) request.getAttribute(COOKIE);
    if (chosen == null && request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (COOKIE.equals(cookie.getName()) && SUPPORTED.contains(cookie.getValue())) {
          chosen = cookie.getValue();
        }
      }
    }
    return supported(chosen != null ? chosen : request.getLocale().getLanguage());
  }

  /** The supported language of this tag, else English. */
  public static Locale supported(String tag) {
    return Locale.forLanguageTag(SUPPORTED.contains(tag) ? tag : "en");
  }

  public String getTag() {
    return getLocale().getLanguage();
  }

  public List<String> getSupported() {
    return SUPPORTED;
  }
}
