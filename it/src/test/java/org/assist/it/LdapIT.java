package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Sign-in through the company's directory, as wildfly-config/optional/configure-ldap.cli sets it up
 * (the build applies it to the test server): a real LDAP server (UnboundID's in-memory one, in this
 * test's process) with a technician, an administrator, a locked account and a user in no group of
 * Assist's.
 */
@ExtendWith(ArquillianExtension.class)
class LdapIT extends BrowserTest {
  private static final String BASE = "dc=assist,dc=test";
  private static final String PASSWORD = "Directory-Secret-7";

  @Test
  void directoryAccountsSignInAndWorkAsTheirGroupsSay() throws Exception {
    InMemoryDirectoryServer directory = directory();
    try {
      // a technician of the directory: works through the API and the console
      Api lea = Api.as("lea", PASSWORD);
      assertEquals(200, lea.get("/sessions").status());
      assertEquals(201, lea.post("/sessions", "").status());
      JsonObject account = account("lea").orElseThrow();
      assertEquals("Léa Dupont", account.getString("displayName"));
      assertEquals("technician", account.getString("role"));
      assertTrue(account.getBoolean("directory"));
      assertEquals(403, lea.get("/technicians").status());
      assertEquals(401, Api.as("lea", PASSWORD + "x").get("/sessions").status());
      Api.Reply change =
          lea.post(
              "/account/password",
              "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Another-pass-1\"}");
      assertEquals(400, change.status(), change.toString());

      browser.signIn("lea", PASSWORD);
      browser.click(By.id("dashboard:start"));
      browser.visible(By.id("startedNumber"));
      assertTrue(browser.pageText().contains("Léa Dupont"), browser.pageText());

      // an administrator by the directory's group
      assertEquals(200, Api.as("victor", PASSWORD).get("/technicians").status());
      assertEquals("admin", account("victor").orElseThrow().getString("role"));

      // an account the directory locked, and a user in no group of Assist's: nothing
      assertEquals(401, Api.as("gone", PASSWORD).get("/sessions").status());
      assertEquals(403, Api.as("nobody", PASSWORD).get("/sessions").status());
      assertTrue(account("gone").isEmpty());
      assertTrue(account("nobody").isEmpty());
      browser.signIn("gone", PASSWORD);
      browser.visible(By.id("loginError"));
      // the directory knows the password, but the user is in no group of Assist's: signed out
      // again, told why
      browser.signIn("nobody", PASSWORD);
      assertTrue(
          browser.visible(By.id("loginError")).getText().contains("has no role in Assist"),
          browser.pageText());

      // Assist's own accounts sign in as before
      assertEquals(200, Api.admin().get("/sessions").status());

      // disabled in Assist, though the directory still knows them
      long id = account("lea").orElseThrow().getJsonNumber("id").longValue();
      assertEquals(200, Api.admin().post("/technicians/" + id + "/disable", "").status());
      assertEquals(403, Api.as("lea", PASSWORD).get("/sessions?max=1").status());
      assertTrue(
          Database.strings("select action from audit_entry where target = ?", "lea")
              .contains("technician.directory"));
    } finally {
      directory.shutDown(true);
    }
    // without the directory, Assist's own accounts still sign in
    assertEquals(200, Api.admin().get("/sessions?max=1").status());
  }

  private static Optional<JsonObject> account(String username) {
    return Api.admin().get("/technicians").array().getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("username").equals(username))
        .findFirst();
  }

  /** The company's directory: people, groups, and the account Assist searches with. */
  private static InMemoryDirectoryServer directory() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    // any attribute, as a directory with its password policy has (pwdAccountLockedTime)
    config.setSchema(null);
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig(
            "ldap",
            InetAddress.getByName("127.0.0.1"),
            Integer.getInteger("assist.test.ldap.port"),
            null));
    config.addAdditionalBindCredentials(
        System.getProperty("assist.test.ldap.bind.dn"),
        System.getProperty("assist.test.ldap.bind.password"));
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: domain", "dc: assist");
    server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
    person(server, "lea", "Léa Dupont");
    person(server, "victor", "Victor Admin");
    person(server, "gone", "Gone Away", "pwdAccountLockedTime: 20261201000000Z");
    person(server, "nobody", "No Body");
    server.add(
        "dn: cn=assist-technicians,ou=groups," + BASE,
        "objectClass: groupOfNames",
        "cn: assist-technicians",
        "member: uid=lea,ou=people," + BASE,
        "member: uid=gone,ou=people," + BASE);
    server.add(
        "dn: cn=assist-administrators,ou=groups," + BASE,
        "objectClass: groupOfNames",
        "cn: assist-administrators",
        "member: uid=victor,ou=people," + BASE);
    // a group Assist does not know gives nothing, whatever its name
    server.add(
        "dn: cn=admin,ou=groups," + BASE,
        "objectClass: groupOfNames",
        "cn: admin",
        "member: uid=nobody,ou=people," + BASE);
    server.startListening();
    return server;
  }

  private static void person(
      InMemoryDirectoryServer server, String uid, String name, String... more) throws Exception {
    String[] lines = {
      "dn: uid=" + uid + ",ou=people," + BASE,
      "objectClass: inetOrgPerson",
      "uid: " + uid,
      "cn: " + name,
      "sn: " + name.substring(name.indexOf(' ') + 1),
      "userPassword: " + PASSWORD
    };
    String[] all = java.util.Arrays.copyOf(lines, lines.length + more.length);
    System.arraycopy(more, 0, all, lines.length, more.length);
    server.add(all);
  }
}
