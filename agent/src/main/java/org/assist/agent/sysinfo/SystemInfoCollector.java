package org.assist.agent.sysinfo;

import org.assist.protocol.SystemInfoDocument;

/** This computer's system information, collected on demand. */
public interface SystemInfoCollector {
  /** Collects every category; a slow or failing category reports its error, the others arrive. */
  SystemInfoDocument collect();

  /** The computer's name, as shown to the technician. */
  String computerName();

  /** The operating system, one line. */
  String osName();

  /**
   * The account a technician works as from now on (null: none), shown among the users; this
   * collector names it where it describes the user.
   */
  default void workingAs(String account) {}
}
