package org.assist.it.forger;

import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Enumeration;
import java.util.UUID;
import org.assist.protocol.Command;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.CommandType;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.JmsCodec.SignedCommand;
import org.assist.protocol.Protocol;

/**
 * Test code deployed into the real server by Arquillian: it has the broker access an insider would
 * have, and puts forged commands on an agent's queue. Never part of Assist.
 *
 * <p>{@code GET /forger/send?victim=A&donor=B}: takes the genuine signed command waiting in agent
 * B's queue and sends agent A four forgeries of it: unsigned, signed with another key, B's command
 * re-addressed to A, and B's signature on a command turned into END_SESSION.
 */
@WebServlet({"/send", "/duplicate"})
public class ForgerServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient JMSContext context;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getRequestURI().endsWith("/duplicate")) {
      duplicate(request.getParameter("agent"), response);
      return;
    }
    String victim = request.getParameter("victim");
    String donor = request.getParameter("donor");
    try {
      SignedCommand genuine = genuineCommandOf(donor);
      Command original = genuine.command();
      Command forA =
          new Command(
              UUID.randomUUID().toString(),
              victim,
              CommandType.SYSTEM_INFO,
              Instant.now(),
              "{}".getBytes(StandardCharsets.UTF_8));
      send(victim, forA, null);
      send(victim, forA, CommandSignature.sign(CommandSignature.newKeyPair().getPrivate(), forA));
      send(
          victim,
          new Command(original.id(), victim, original.type(), original.issuedAt(), original.body()),
          genuine.signature());
      send(
          victim,
          new Command(
              original.id(),
              original.agentId(),
              CommandType.END_SESSION,
              original.issuedAt(),
              original.body()),
          genuine.signature());
      response.setContentType("text/plain");
      response.getWriter().write("sent 4 forgeries to " + victim);
    } catch (Exception e) {
      response.setStatus(500);
      response.getWriter().write(e.toString());
    }
  }

  /**
   * {@code GET /forger/duplicate?agent=A}: puts a second, identical copy of the command waiting in
   * agent A's queue, as a redelivery would.
   */
  private void duplicate(String agentId, HttpServletResponse response) throws IOException {
    try {
      SignedCommand genuine = genuineCommandOf(agentId);
      send(agentId, genuine.command(), genuine.signature());
      response.setContentType("text/plain");
      response.getWriter().write("duplicated " + genuine.command().id());
    } catch (Exception e) {
      response.setStatus(500);
      response.getWriter().write(e.toString());
    }
  }

  private SignedCommand genuineCommandOf(String agentId) throws Exception {
    try (QueueBrowser browser =
        context.createBrowser(context.createQueue(Protocol.commandQueue(agentId)))) {
      Enumeration<?> messages = browser.getEnumeration();
      if (!messages.hasMoreElements()) {
        throw new IllegalStateException("no command waiting for " + agentId);
      }
      return JmsCodec.readCommand((Message) messages.nextElement());
    }
  }

  /** Sends a command with the given signature; null sends it unsigned. */
  private void send(String agentId, Command command, String signature) throws JMSException {
    BytesMessage message = context.createBytesMessage();
    JmsCodec.writeCommand(message, command, signature);
    context.createProducer().send(context.createQueue(Protocol.commandQueue(agentId)), message);
  }
}
