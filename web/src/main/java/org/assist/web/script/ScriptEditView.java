package org.assist.web.script;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.assist.application.AssistException;
import org.assist.application.script.CategoryRow;
import org.assist.application.script.CategoryService;
import org.assist.application.script.ScriptDraft;
import org.assist.application.script.ScriptRow;
import org.assist.application.script.ScriptService;
import org.assist.application.script.UploadedFile;
import org.assist.application.script.VersionRow;
import org.assist.protocol.ScriptKind;
import org.assist.web.Notices;
import org.primefaces.event.FileUploadEvent;

/**
 * Adding a script, or saving the next version of one. Uploaded files stay in the view until the
 * script is saved, so a refusal (a taken name, say) keeps everything entered, files included.
 */
@Named
@ViewScoped
public class ScriptEditView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private ScriptService scripts;
  @Inject private CategoryService categories;
  private Long id;
  private VersionRow current;
  private List<CategoryRow> categoryList;
  private String name;
  private Long category;
  private String description;
  private boolean published;
  private UploadedFile executable;
  private UploadedFile input;
  private boolean removeInput;

  public void load() {
    categoryList = categories.list();
    if (id != null && current == null) {
      ScriptRow row = scripts.find(id);
      if (!scripts.mayEdit(row)) {
        throw new org.assist.application.ForbiddenException("script.notAuthor");
      }
      current = scripts.version(row.versionId());
      name = current.name();
      category = current.categoryId();
      description = current.description();
      published = current.published();
    }
  }

  public void uploadExecutable(FileUploadEvent event) throws IOException {
    executable = read(event, "executable");
  }

  public void uploadInput(FileUploadEvent event) throws IOException {
    input = read(event, "input");
    removeInput = false;
  }

  /** Reads at most one byte more than allowed: enough to refuse, never a huge file in memory. */
  private UploadedFile read(FileUploadEvent event, String field) throws IOException {
    try (InputStream in = event.getFile().getInputStream()) {
      UploadedFile file =
          new UploadedFile(
              event.getFile().getFileName(), in.readNBytes(UploadedFile.MAX_BYTES + 1));
      try {
        file.checkSize(field);
        return file;
      } catch (AssistException e) {
        Notices.refused(e, "script");
        return field.equals("executable") ? executable : input;
      }
    }
  }

  public String save() {
    ScriptDraft draft =
        new ScriptDraft(name, category, description, published, executable, input, removeInput);
    try {
      if (id == null) {
        long created = scripts.create(draft);
        Notices.flash("script.created", draft.cleanName());
        return "/scripts/versions?faces-redirect=true&id=" + created;
      }
      int version = scripts.update(id, draft);
      Notices.flash("script.saved", draft.cleanName(), version);
      return "/scripts/versions?faces-redirect=true&id=" + id;
    } catch (AssistException e) {
      Notices.refused(e, "script");
      return null;
    }
  }

  /** How the executable will be run, from the new upload or the current version. */
  public ScriptKind getKind() {
    if (executable != null) {
      return ScriptKind.of(executable.safeName(), executable.content());
    }
    return current == null ? null : current.kind();
  }

  public boolean isEditing() {
    return id != null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public VersionRow getCurrent() {
    return current;
  }

  public List<CategoryRow> getCategories() {
    return categoryList;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getCategory() {
    return category;
  }

  public void setCategory(Long category) {
    this.category = category;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public UploadedFile getExecutable() {
    return executable;
  }

  public UploadedFile getInput() {
    return input;
  }

  public boolean isRemoveInput() {
    return removeInput;
  }

  public void setRemoveInput(boolean removeInput) {
    this.removeInput = removeInput;
  }
}
