package org.assist.agent.customer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.assist.agent.Texts;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.ConsentAnswer.How;

/**
 * Answers from a policy file that the computer's own administrator controls, for unattended
 * computers: {@code system-info=allow}, {@code deny} or {@code ask} (ask the customer anyway). A
 * policy anyone else could have written is refused, since it would let them consent for the
 * customer.
 */
public final class PolicyConsent implements ConsentGate {
  private final Properties rules;
  private final ConsentGate fallback;
  private final Customer customer;

  private PolicyConsent(Properties rules, ConsentGate fallback, Customer customer) {
    this.rules = rules;
    this.fallback = fallback;
    this.customer = customer;
  }

  /**
   * Reads the policy; throws IOException when it is missing, or others than the computer's
   * administrators or the agent's account could have written it ({@link PolicyFile}).
   */
  @Override
  public void answerWithin(Duration timeout) {
    fallback.answerWithin(timeout);
  }

  public static PolicyConsent load(Path file, ConsentGate fallback, Customer customer)
      throws IOException {
    Properties rules = new Properties();
    rules.load(new StringReader(PolicyFile.read(file)));
    for (String key : rules.stringPropertyNames()) {
      String value = rules.getProperty(key).strip().toLowerCase(Locale.ROOT);
      if (!Set.of("allow", "deny", "ask").contains(value)) {
        throw new IOException(
            "consent policy " + file + ": " + key + "=" + value + " (allow, deny or ask)");
      }
    }
    return new PolicyConsent(rules, fallback, customer);
  }

  @Override
  public ConsentAnswer ask(ConsentRequest request) {
    String rule = rules.getProperty(request.kind(), "ask").strip().toLowerCase(Locale.ROOT);
    if ("ask".equals(rule)) {
      return fallback.ask(request);
    }
    customer.tell(request.question());
    customer.tell(Texts.get("consent.policy", rule));
    return new ConsentAnswer("allow".equals(rule), How.POLICY);
  }
}
