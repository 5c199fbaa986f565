package org.assist.web.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.assist.application.run.RunDetails;
import org.assist.domain.run.TargetState;
import org.assist.web.Messages;

/**
 * How a run stands on a session, in words of the page's language: waiting for consent (or for the
 * customer to come back online), running script i of n, done, failed, declined, interrupted...
 */
@Named
@ApplicationScoped
public class RunStatus {
  public String of(RunDetails.Target target) {
    var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    TargetState state = target.state();
    if (state == TargetState.WAITING_FOR_CONSENT && !target.customerOnline()) {
      return Messages.text(locale, "run.state.OFFLINE");
    }
    if (state == TargetState.RUNNING) {
      RunDetails.Step current = target.current();
      long index = current == null ? target.finishedSteps() : current.index() + 1;
      return Messages.text(locale, "run.state.RUNNING", Math.max(1, index), target.steps().size());
    }
    return Messages.text(locale, "run.state." + state.name());
  }
}
