package org.assist.web.sysinfo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assist.application.sysinfo.SystemInfoService;
import org.assist.application.sysinfo.SystemInfoService.Collected;

/** The print view of one collection: every category, one after the other. */
@Named
@RequestScoped
public class SystemInfoPrintView {
  @Inject private SystemInfoService systemInfo;
  private long snapshotId;
  private Collected collected;

  public void load() {
    collected = systemInfo.snapshot(snapshotId);
  }

  public long getSnapshotId() {
    return snapshotId;
  }

  public void setSnapshotId(long snapshotId) {
    this.snapshotId = snapshotId;
  }

  public Collected getCollected() {
    return collected;
  }
}
