package org.assist.web.session;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.assist.application.Settings;
import org.assist.application.login.LogInService;

/**
 * Notices a technician whose last console closed and stays closed for {@link
 * Settings#consoleGrace()} (a page change closes one and opens the next at once): where they work
 * on a customer's computer as another account, they are logged off, so that no computer stays in
 * the hands of a console nobody watches.
 */
@ApplicationScoped
public class ConsoleWatch {
  private static final Logger LOG = Logger.getLogger(ConsoleWatch.class.getName());

  @Resource private ManagedScheduledExecutorService timer;
  @Inject private LogInService logIns;

  void lastClosed(String technician) {
    timer.schedule(
        () -> {
          if (!ConsolePushEndpoint.hasConsole(technician)) {
            try {
              logIns.consoleClosed(technician);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Could not log off after a console closed", e);
            }
          }
        },
        Settings.consoleGrace().toSeconds(),
        TimeUnit.SECONDS);
  }
}
