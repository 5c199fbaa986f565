package org.assist.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The server renewed its keys: from now on it signs with {@code signingKey} (base64 X.509), and it
 * may present any certificate of {@code certificates} (SHA-256 fingerprints; empty: the ones the
 * agent trusts already). Signed, as every command, with the key the agent trusts until now: so an
 * agent takes a new key only from the server it trusts. It answers {@link Trusted}.
 */
public record TrustUpdate(int version, String signingKey, List<String> certificates)
    implements CommandBody {
  public TrustUpdate {
    certificates = List.copyOf(certificates);
  }

  @Override
  public CommandType commandType() {
    return CommandType.TRUST_UPDATE;
  }

  @Override
  public JsonObject toJson() {
    var list = JsonCodec.array();
    certificates.forEach(list::add);
    return JsonCodec.object()
        .add("version", version)
        .add("signingKey", signingKey)
        .add("certificates", list)
        .build();
  }

  public static TrustUpdate fromJson(JsonObject json) throws MalformedMessageException {
    List<String> certificates = new ArrayList<>();
    JsonValue listed = json.get("certificates");
    if (listed != null && listed.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue each : listed.asJsonArray()) {
        if (!(each instanceof JsonString text) || text.getString().length() > 128) {
          throw new MalformedMessageException("certificates: fingerprints expected");
        }
        certificates.add(text.getString());
      }
      if (certificates.size() > 8) {
        throw new MalformedMessageException("certificates: at most 8");
      }
    }
    return new TrustUpdate(
        Fields.integer(json, "version", 1, Integer.MAX_VALUE),
        Fields.text(json, "signingKey", 512),
        certificates);
  }
}
