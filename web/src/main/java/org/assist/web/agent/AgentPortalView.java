package org.assist.web.agent;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.assist.application.agent.AgentJoinService;
import org.assist.application.agent.JoinRefusedException;
import org.assist.infrastructure.messaging.ServerKeys;
import org.assist.protocol.PreparedAgent;
import org.assist.web.ClientAddress;
import org.assist.web.Notices;
import org.assist.web.ServerCertificate;

/**
 * The customer portal ({@code /assist/join}, no sign-in): the customer types the number the
 * technician gave and downloads the agent prepared for this server and that session. A wrong or
 * expired number is refused and counted exactly as a join is.
 */
@Named("agentPortal")
@RequestScoped
public class AgentPortalView {
  @Inject private AgentJoinService joins;
  @Inject private ServerKeys keys;
  @Inject private ServerCertificate certificate;

  private String number;

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  /** Whether the portal offers the agent with its own runtime for Linux. */
  public boolean isLinuxAvailable() {
    return AgentPackage.hasLinux(
        (ServletContext) FacesContext.getCurrentInstance().getExternalContext().getContext());
  }

  /** The zip: the agent's jar and launchers (Java 17 needed). */
  public void download() throws IOException {
    send(false);
  }

  /** The Linux x64 package with its own runtime. */
  public void downloadLinux() throws IOException {
    send(true);
  }

  private void send(boolean linux) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String digits;
    try {
      digits = joins.check(number, ClientAddress.of(request));
    } catch (JoinRefusedException e) {
      Notices.refused(e, "portal");
      return;
    }
    String fingerprint = certificate.fingerprint();
    if (fingerprint == null) {
      throw new IllegalStateException("the portal answers over HTTPS only");
    }
    PreparedAgent prepared =
        new PreparedAgent(serverAddress(request), keys.identity(fingerprint), digits);
    external.responseReset();
    external.setResponseContentType(linux ? "application/gzip" : "application/zip");
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + (linux ? AgentPackage.linuxFileName(digits) : AgentPackage.fileName(digits))
            + "\"");
    external.setResponseHeader("Cache-Control", "no-store");
    ServletContext web = (ServletContext) external.getContext();
    if (linux) {
      AgentPackage.writeLinux(web, prepared, external.getResponseOutputStream());
    } else {
      AgentPackage.write(web, prepared, external.getResponseOutputStream());
    }
    faces.responseComplete();
  }

  /** This server as the customer reached it: its HTTPS address, which the agent will use too. */
  static URI serverAddress(HttpServletRequest request) {
    String host = request.getServerName();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create("https://" + host + ":" + request.getServerPort());
  }
}
