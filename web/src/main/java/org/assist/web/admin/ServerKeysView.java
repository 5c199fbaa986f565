package org.assist.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assist.application.AssistException;
import org.assist.application.agent.TrustRenewal;
import org.assist.application.agent.TrustRenewal.TrustState;
import org.assist.protocol.Sha256;
import org.assist.web.Notices;
import org.assist.web.ServerCertificate;

/** Administration → Server keys: where the keys agents trust stand, and their renewal. */
@Named
@RequestScoped
public class ServerKeysView {
  @Inject private TrustRenewal renewal;
  @Inject private ServerCertificate certificate;
  private TrustState state;

  public TrustState getState() {
    if (state == null) {
      state = renewal.state();
    }
    return state;
  }

  /** The certificate this page came over, as agents compare it. */
  public String getCertificate() {
    return certificate.fingerprint();
  }

  /** A short fingerprint of the current signing key, to tell versions apart. */
  public String getSigningKeyFingerprint() {
    return Sha256.hex(getState().signingKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .substring(0, 16);
  }

  public void renew() {
    try {
      state = renewal.renew(certificate.fingerprint());
      Notices.info("keys.renewed", state.version());
    } catch (AssistException e) {
      Notices.refused(e, null);
    }
  }
}
