package org.assist.application;

/** Text from outside (agents, requests) made safe for one log line. */
public final class LogText {
  private LogText() {}

  /** Control characters become spaces, so nobody can forge log lines; long text is cut. */
  public static String safe(String text) {
    if (text == null) {
      return "null";
    }
    String clean = text.replaceAll("\\p{Cntrl}", " ");
    return clean.length() <= 200 ? clean : clean.substring(0, 200) + "...";
  }
}
