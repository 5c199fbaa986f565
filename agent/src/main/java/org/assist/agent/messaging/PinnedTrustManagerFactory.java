package org.assist.agent.messaging;

import java.security.KeyStore;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import org.apache.activemq.artemis.api.core.TrustManagerFactoryPlugin;

/**
 * The broker client's trust in the server ({@code trustManagerFactoryPlugin=} of its address): only
 * the certificate {@link CertificatePin} holds. Artemis makes one by class name for every
 * connection attempt, reconnections included.
 */
public final class PinnedTrustManagerFactory implements TrustManagerFactoryPlugin {
  @Override
  public TrustManagerFactory getTrustManagerFactory() {
    TrustManager[] managers = {CertificatePin.current().trustManager()};
    return new TrustManagerFactory(
        new TrustManagerFactorySpi() {
          @Override
          protected void engineInit(KeyStore keyStore) {
            // nothing to load: the pin is the whole trust
          }

          @Override
          protected void engineInit(ManagerFactoryParameters parameters) {
            // the same
          }

          @Override
          protected TrustManager[] engineGetTrustManagers() {
            return managers.clone();
          }
        },
        null,
        "AssistPinned") {};
  }
}
