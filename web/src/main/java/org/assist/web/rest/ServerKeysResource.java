package org.assist.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.assist.application.agent.TrustRenewal;
import org.assist.application.agent.TrustRenewal.TrustState;
import org.assist.web.ServerCertificate;

/**
 * {@code /api/v1/server/keys} (administrators): {@code GET} where the keys agents trust stand;
 * {@code POST} renews the signing key (and announces the certificate waiting in {@code
 * assist-tls-next.p12}), as Administration → Server keys does.
 */
@Path("v1/server/keys")
@Produces(MediaType.APPLICATION_JSON)
public class ServerKeysResource {
  @Inject private TrustRenewal renewal;
  @Inject private ServerCertificate certificate;

  @GET
  public TrustState state() {
    return renewal.state();
  }

  @POST
  public TrustState renew() {
    return renewal.renew(certificate.fingerprint());
  }
}
