package org.assist.web.script;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.script.ScriptRow;
import org.assist.application.script.ScriptService;
import org.assist.application.script.VersionRow;

/** A script's versions, each with its files' hashes and downloads. */
@Named
@ViewScoped
public class ScriptVersionsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private ScriptService scripts;
  private long id;
  private ScriptRow script;
  private List<VersionRow> versions;

  public void load() {
    script = scripts.find(id);
    versions = scripts.versions(id);
  }

  public boolean isMayEdit() {
    return scripts.mayEdit(script);
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public ScriptRow getScript() {
    return script;
  }

  public List<VersionRow> getVersions() {
    return versions;
  }
}
