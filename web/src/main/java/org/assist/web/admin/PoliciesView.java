package org.assist.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assist.application.AssistException;
import org.assist.application.policy.Policy;
import org.assist.application.policy.PolicyService;
import org.assist.application.policy.PolicyService.PolicyRow;
import org.assist.web.Notices;

/** Administration → Policies: the help desk's limits and times, in force as soon as saved. */
@Named
@ViewScoped
public class PoliciesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private PolicyService policies;
  private List<PolicyRow> rows;
  private final Map<Policy, Long> values = new EnumMap<>(Policy.class);

  @PostConstruct
  void load() {
    rows = policies.list();
    rows.forEach(row -> values.put(row.policy(), row.value()));
  }

  public void save() {
    try {
      policies.update(values);
      Notices.info("policies.saved");
      load();
    } catch (AssistException e) {
      Notices.refused(e, "policies");
    }
  }

  public List<PolicyRow> getRows() {
    return rows;
  }

  public Map<Policy, Long> getValues() {
    return values;
  }
}
