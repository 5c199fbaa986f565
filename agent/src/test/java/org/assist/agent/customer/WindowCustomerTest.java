package org.assist.agent.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.swing.JTextArea;
import org.junit.jupiter.api.Test;

class WindowCustomerTest {
  @Test
  void aQuestionIsShownAsTextNeverAsHtml() {
    String question = "<html><b>Alice</b> asks to run: <span style='display:none'>wipe</span>";
    JTextArea shown = WindowCustomer.plainText(question);
    assertEquals(question, shown.getText());
    assertEquals(Boolean.TRUE, shown.getClientProperty("html.disable"));
  }
}
