package org.assist.agent.messaging;

import java.security.KeyStore;
import java.util.function.Consumer;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import org.apache.activemq.artemis.api.core.TrustManagerFactoryPlugin;
import org.assist.agent.messaging.CertificatePin.WrongServerException;

/**
 * The broker client's trust in the server ({@code trustManagerFactoryPlugin=} of its address): only
 * the certificate {@link CertificatePin} holds. Artemis makes one by class name for every
 * connection attempt, reconnections included.
 */
public final class PinnedTrustManagerFactory implements TrustManagerFactoryPlugin {
  private static volatile Consumer<WrongServerException> onRefused = wrong -> {};

  /**
   * Who hears of each broker connection refused because the server presented another certificate
   * than the pinned one (someone else answering on the network, or a server whose certificate was
   * replaced while the agent was away): the broker client itself only tries again.
   */
  public static void onRefused(Consumer<WrongServerException> listener) {
    onRefused = listener;
  }

  @Override
  public TrustManagerFactory getTrustManagerFactory() {
    TrustManager[] managers = {
      CertificatePin.current().trustManager(wrong -> onRefused.accept(wrong))
    };
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
