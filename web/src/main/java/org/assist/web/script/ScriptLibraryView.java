package org.assist.web.script;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.AssistException;
import org.assist.application.CategoryService;
import org.assist.application.ScriptRow;
import org.assist.application.ScriptService;
import org.assist.domain.script.ScriptCategory;
import org.assist.web.Notices;
import org.primefaces.component.datatable.DataTable;

/** The script library page: find, sort, and act on the scripts the technician may see. */
@Named
@ViewScoped
public class ScriptLibraryView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private ScriptService scripts;
  @Inject private CategoryService categories;
  @Inject private jakarta.servlet.http.HttpServletRequest request;
  private ScriptDataModel model;
  private List<ScriptCategory> categoryList;
  private String text;
  private Long category;
  private String caller;
  private boolean admin;

  @PostConstruct
  void init() {
    model = new ScriptDataModel(scripts, () -> new ScriptDataModel.Filter(text, category));
    categoryList = categories.list();
    caller = org.assist.application.NewTechnician.normalizeUsername(request.getRemoteUser());
    admin = request.isUserInRole(org.assist.application.Roles.ADMIN);
  }

  /** The filters changed: back to the first page. */
  public void filter() {
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("library:table");
    if (table != null) {
      table.setFirst(0);
    }
  }

  /**
   * Whether to offer Edit and Delete (the service checks again): the same rule, without a call per
   * row.
   */
  public boolean mayEdit(ScriptRow row) {
    return admin || row.isOwnedBy(caller);
  }

  public void delete(long id) {
    try {
      String name = scripts.find(id).name();
      scripts.delete(id);
      Notices.info("script.deleted", name);
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }

  public ScriptDataModel getModel() {
    return model;
  }

  public List<ScriptCategory> getCategories() {
    return categoryList;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Long getCategory() {
    return category;
  }

  public void setCategory(Long category) {
    this.category = category;
  }
}
