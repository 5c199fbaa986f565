package org.assist.web.sysinfo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assist.application.sysinfo.SystemInfoService;
import org.assist.application.sysinfo.SystemInfoService.Comparison;

/** One collection beside the session's previous one: what changed (after a restart, say). */
@Named
@RequestScoped
public class SystemInfoCompareView {
  @Inject private SystemInfoService systemInfo;
  private String command;
  private Comparison comparison;

  public void load() {
    comparison = systemInfo.compare(command);
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
