package org.assist.web.script;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.AssistException;
import org.assist.application.script.CategoryRow;
import org.assist.application.script.CategoryService;
import org.assist.application.script.ScriptService;
import org.assist.web.Notices;
import org.primefaces.component.datatable.DataTable;

/** The script library page: find, sort, and act on the scripts the technician may see. */
@Named
@ViewScoped
public class ScriptLibraryView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private ScriptService scripts;
  @Inject private CategoryService categories;
  private ScriptDataModel model;
  private List<CategoryRow> categoryList;
  private String text;
  private Long category;

  @PostConstruct
  void init() {
    model = new ScriptDataModel(scripts, () -> new ScriptDataModel.Filter(text, category));
    categoryList = categories.list();
  }

  /** The filters changed: back to the first page. */
  public void filter() {
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("library:table");
    if (table != null) {
      table.setFirst(0);
    }
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

  public List<CategoryRow> getCategories() {
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
