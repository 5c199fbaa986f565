package org.assist.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Benchmark (profile {@code benchmark}, not part of the test run): from the customer's "yes" to the
 * system information on the technician's screen; an idle agent's memory and CPU; the server's
 * threads with many agents connected. Prints the figures and appends them to
 * it/target/benchmarks.txt.
 */
@ExtendWith(ArquillianExtension.class)
class SystemInfoBenchmark {
  private static final int ROUNDS = 15;
  private static final int IDLE_SECONDS = 60;
  private static final int EXTRA_AGENTS = 100;

  @Test
  void measure() throws Exception {
    String user = Api.newTechnician("bench", "technician");
    try (Browser browser = Browser.start()) {
      browser.signIn(user, Api.passwordOf(user));
      browser.click(By.id("dashboard:start"));
      String number = browser.visible(By.id("startedNumber")).getText();
      try (AgentProcess agent = AgentProcess.join(number.replace(" ", ""), "--no-window")) {
        agent.await("Connected.");
        browser.click(By.xpath("//button[contains(@id, ':sysinfo')]"));
        int next = agent.answerConsent(0, "y");
        browser.visible(By.id("category-computer"));

        List<Long> latencies = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
          // each collection has its own snapshot (two may fall within one second of the clock)
          String before = browser.waitUntil(Duration.ofSeconds(10), SystemInfoBenchmark::snapshot);
          browser.click(By.id("sysinfo:refresh"));
          int prompt = agent.await("Allow?", next, Duration.ofSeconds(30));
          long start = System.nanoTime();
          agent.type("y");
          new WebDriverWait(browser.driver, Duration.ofSeconds(20), Duration.ofMillis(5))
              .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
              .until(
                  d ->
                      !before.equals(snapshot(d))
                          && !d.findElements(By.id("category-computer")).isEmpty());
          latencies.add((System.nanoTime() - start) / 1_000_000);
          next = prompt + 1;
        }
        Measures.report(
            "customer's yes -> panel rendered in the console: median %d ms, p95 %d ms, max %d ms (%d rounds, loopback)",
            Measures.percentile(latencies, 50),
            Measures.percentile(latencies, 95),
            Measures.percentile(latencies, 100),
            ROUNDS);

        browser.open("/dashboard.xhtml");
        Thread.sleep(5000);
        long ticks = Measures.cpuTicks(agent.pid());
        long startIdle = System.nanoTime();
        Thread.sleep(IDLE_SECONDS * 1000L);
        double seconds = (System.nanoTime() - startIdle) / 1e9;
        double cpu = (Measures.cpuTicks(agent.pid()) - ticks) / 100.0 / seconds * 100;
        Measures.report(
            "idle agent (assist-agent.sh, after its collections): resident memory %d MiB, CPU %.2f %% of a core over %d s",
            Measures.residentKib(agent.pid()) / 1024, cpu, IDLE_SECONDS);
      }
    }

    long server = Measures.serverPid();
    int threadsBefore = Measures.threads(server);
    List<ProtocolAgent> agents = new ArrayList<>();
    try {
      for (int i = 0; i < EXTRA_AGENTS; i++) {
        String number = Api.asTechnician(user).post("/sessions", "").json().getString("number");
        agents.add(ProtocolAgent.join(number, "bench-" + i, "Linux", "bench").connect());
      }
      Thread.sleep(3000);
      Measures.report(
          "server threads: %d before, %d with %d more agents connected",
          threadsBefore, Measures.threads(server), EXTRA_AGENTS);
    } finally {
      agents.forEach(ProtocolAgent::close);
    }
  }

  private static String snapshot(org.openqa.selenium.WebDriver driver) {
    return driver.findElement(By.cssSelector(".collected-at")).getAttribute("data-snapshot");
  }
}
