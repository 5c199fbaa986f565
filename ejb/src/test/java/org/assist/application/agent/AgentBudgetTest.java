package org.assist.application.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.assist.protocol.ChatText;
import org.assist.protocol.Event;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.RateBudget;
import org.junit.jupiter.api.Test;

class AgentBudgetTest {
  private static final String AGENT = "0123456789abcdef01234567";

  @Test
  void aBudgetGivesItsBurstThenItsRate() {
    RateBudget bucket = new RateBudget(new RateBudget.Size(3, 2));
    long start = 1_000_000_000L;
    assertTrue(bucket.take(start));
    assertTrue(bucket.take(start));
    assertTrue(bucket.take(start));
    assertFalse(bucket.take(start), "the burst is used");
    assertTrue(bucket.take(start + 500_000_000L), "half a second later: one more");
    assertFalse(bucket.take(start + 500_000_000L));
  }

  @Test
  void chatIsHeldToAHumanPaceWhileOutputFlows() {
    AgentBudget budget = new AgentBudget();
    int chats = 0;
    for (int i = 0; i < 1000; i++) {
      chats += budget.take(AGENT, Event.of(null, ChatText.fromCustomer("spam " + i))) ? 1 : 0;
    }
    assertTrue(chats <= RateBudget.CHAT.burst() + 1, chats + " chat lines let through");
    for (int i = 0; i < 1000; i++) {
      assertTrue(budget.take(AGENT, Event.of("c", new OutputChunk(0, i, false, "x"))));
    }
    long dropped = budget.droppedToReport(AGENT);
    assertEquals(1000 - chats, dropped);
    assertEquals(0, budget.droppedToReport(AGENT), "said once a minute at most");
  }
}
