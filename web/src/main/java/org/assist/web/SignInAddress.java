package org.assist.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/** Says in the server's log, once the console is up, where to sign in. */
@WebListener
public class SignInAddress implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(SignInAddress.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    LOG.info("Assist is ready: sign in at " + address(event.getServletContext().getContextPath()));
  }

  /** The console's address on this server's HTTPS port, as its settings say. */
  static String address(String contextPath) {
    String bound = System.getProperty("jboss.bind.address", "127.0.0.1");
    String host =
        bound.equals("0.0.0.0") || bound.startsWith("127.") || bound.equals("::")
            ? "localhost"
            : bound;
    int port =
        Integer.getInteger("jboss.https.port", 8443)
            + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    return "https://" + host + ":" + port + contextPath;
  }
}
