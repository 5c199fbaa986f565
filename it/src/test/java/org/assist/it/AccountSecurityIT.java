package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password guessing is stopped per address and per account at an address, console and API alike,
 * without letting a guesser lock anyone out; timing does not tell which user names exist; the
 * current password cannot be guessed through the password change.
 */
@ExtendWith(ArquillianExtension.class)
class AccountSecurityIT {
  @Test
  void aGuesserElsewhereCannotLockAnAccountOut() throws Exception {
    String user = Api.newTechnician("lock-elsewhere", "technician");
    String guesser = "127.0.0.20";
    for (int i = 0; i < 5; i++) {
      assertEquals(401, apiFrom(guesser, user, "wrong-" + i));
    }
    assertEquals(401, apiFrom(guesser, user, Api.passwordOf(user)), "locked at the guesser's");
    assertEquals(200, Api.asTechnician(user).get("/sessions").status(), "not at the owner's");
  }

  @Test
  void sprayingManyAccountsFromOneAddressIsStopped() throws Exception {
    String sprayer = "127.0.0.21";
    for (int i = 0; i < 30; i++) {
      assertEquals(401, apiFrom(sprayer, "someone-" + i, "Summer2026!"));
    }
    String user = Api.newTechnician("sprayed", "technician");
    assertEquals(401, apiFrom(sprayer, user, Api.passwordOf(user)), "nobody signs in from there");
    assertEquals(200, Api.asTechnician(user).get("/sessions").status(), "others still do");
  }

  @Test
  void wrongPasswordsInTheConsoleFormCountToo() throws Exception {
    String user = Api.newTechnician("console-guess", "technician");
    String guesser = "127.0.0.22";
    for (int i = 0; i < 5; i++) {
      RawHttp.Answer failed = consoleFrom(guesser, user, "wrong-" + i);
      assertEquals(200, failed.status());
      assertTrue(failed.body().contains("Sign-in failed"), failed.body());
    }
    RawHttp.Answer refused = consoleFrom(guesser, user, Api.passwordOf(user));
    assertEquals(303, refused.status(), "the right password is not even checked");
    assertTrue(refused.header("location").endsWith("/login-failed.xhtml"), refused.toString());
    assertEquals(401, apiFrom(guesser, user, Api.passwordOf(user)), "the API refuses there too");
  }

  /** Without a stand-in hash, an unknown name was answered at once and a known one after bcrypt. */
  @Test
  void anUnknownNameTakesAsLongAsAWrongPassword() throws Exception {
    String user = Api.newTechnician("timing", "technician");
    List<Long> known = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      // a fresh address each time, so no limit is reached
      known.add(timed("127.0.0." + (40 + i), user, "wrong-" + i));
      unknown.add(timed("127.0.0." + (60 + i), "nobody-" + UUID.randomUUID(), "wrong-" + i));
    }
    long knownMedian = median(known);
    long unknownMedian = median(unknown);
    System.out.println(
        "SIGN-IN TIMING: wrong password "
            + knownMedian / 1_000_000
            + " ms, unknown user name "
            + unknownMedian / 1_000_000
            + " ms (medians of 9)");
    assertTrue(unknownMedian * 2 > knownMedian, known + " vs " + unknown);
  }

  @Test
  void theCurrentPasswordCannotBeGuessedByChangingIt() throws Exception {
    String user = Api.newTechnician("change-guess", "technician");
    Api api = Api.asTechnician(user);
    for (int i = 0; i < 5; i++) {
      Api.Reply wrong = api.post("/account/password", change("guess-" + i, "new-password-1"));
      assertEquals(400, wrong.status(), wrong.toString());
      assertEquals("The current password is wrong.", wrong.json().getString("message"));
    }
    Api.Reply refused =
        api.post("/account/password", change(Api.passwordOf(user), "new-password-1"));
    assertEquals(400, refused.status());
    assertTrue(
        refused.json().getString("message").startsWith("Too many wrong current"),
        refused.toString());
    assertEquals(200, api.get("/sessions").status(), "the password did not change");
  }

  private static String change(String current, String replacement) {
    return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + replacement + "\"}";
  }

  private static long timed(String from, String user, String password) throws Exception {
    long start = System.nanoTime();
    assertEquals(401, apiFrom(from, user, password));
    return System.nanoTime() - start;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** An API call with these credentials from this address; its status. */
  private static int apiFrom(String from, String user, String password) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try (Socket socket = RawHttp.tlsFrom(from)) {
      return RawHttp.exchange(
              socket,
              "GET",
              "/assist/api/v1/sessions",
              null,
              null,
              "Authorization: Basic " + basic,
              "Accept-Language: en")
          .status();
    }
  }

  /** The console's sign-in form, posted from this address. */
  private static RawHttp.Answer consoleFrom(String from, String user, String password)
      throws Exception {
    String form =
        "j_username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&j_password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    try (Socket socket = RawHttp.tlsFrom(from)) {
      return RawHttp.exchange(
          socket,
          "POST",
          "/assist/j_security_check",
          "application/x-www-form-urlencoded",
          form,
          "Accept-Language: en");
    }
  }
}
