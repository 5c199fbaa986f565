package org.assist.web.sysinfo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assist.application.sysinfo.SystemInfoService;
import org.assist.application.sysinfo.SystemInfoService.Comparison;

/**
 * One collection beside the session's previous one, or beside any other of the session's: what
 * changed (after a restart, say).
 */
@Named
@RequestScoped
public class SystemInfoCompareView {
  @Inject private SystemInfoService systemInfo;
  private String command;
  private String other;
  private Comparison comparison;

  public void load() {
    comparison = systemInfo.compare(command, other);
  }

  /**
   * The request another collection of the session answered, to compare with; null for the one
   * before.
   */
  public String getOther() {
    return other;
  }

  public void setOther(String other) {
    this.other = other == null || other.isBlank() ? null : other;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public Comparison getComparison() {
    return comparison;
  }
}
