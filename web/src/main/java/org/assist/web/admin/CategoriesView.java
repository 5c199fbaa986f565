package org.assist.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assist.application.AssistException;
import org.assist.application.script.CategoryRow;
import org.assist.application.script.CategoryService;
import org.assist.web.Notices;

/** Administration → Script categories: create, rename, delete unused ones. */
@Named
@ViewScoped
public class CategoriesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private CategoryService categories;
  private List<CategoryRow> all;
  private final Map<Long, String> names = new HashMap<>();
  private String newName;

  @PostConstruct
  void load() {
    all = categories.list();
    names.clear();
    all.forEach(c -> names.put(c.id(), c.name()));
  }

  public void create() {
    try {
      Notices.info("category.created", categories.create(newName).name());
      newName = null;
    } catch (AssistException e) {
      Notices.refused(e, "newCategory");
    }
    load();
  }

  public void rename(long id) {
    try {
      Notices.info("category.renamed", categories.rename(id, names.get(id)).name());
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
    load();
  }

  public void delete(long id) {
    try {
      categories.delete(id);
      Notices.info("category.deleted", names.get(id));
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
    load();
  }

  public List<CategoryRow> getAll() {
    return all;
  }

  public Map<Long, String> getNames() {
    return names;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}
