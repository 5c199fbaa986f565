package org.assist.agent.customer;

import java.awt.BorderLayout;
import java.awt.Font;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.assist.agent.Texts;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.ConsentAnswer.How;

/**
 * The customer's window when the computer has a display: the session, a log of what happened, and
 * consent questions as dialogs that close by themselves (as "no") after the time limit.
 */
public final class WindowCustomer implements Customer {
  private final JFrame frame = new JFrame(Texts.get("window.title"));
  private final JLabel heading = new JLabel(" ");

  /** Swing's switch that keeps a label's text from being read as HTML. */
  private static final String HTML_DISABLE = "html.disable";

  private final JTextArea log = new JTextArea(14, 60);
  private final javax.swing.JTextField message = new javax.swing.JTextField();
  private volatile java.util.function.Consumer<String> chatSink = line -> {};

  public WindowCustomer() {
    onSwing(
        () -> {
          heading.putClientProperty(HTML_DISABLE, Boolean.TRUE);
          heading.setFont(heading.getFont().deriveFont(Font.BOLD, 15f));
          heading.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
          log.setEditable(false);
          log.setLineWrap(true);
          log.setWrapStyleWord(true);
          frame.getContentPane().add(heading, BorderLayout.NORTH);
          frame.getContentPane().add(new JScrollPane(log), BorderLayout.CENTER);
          message.addActionListener(
              event -> {
                String text = message.getText().strip();
                if (!text.isEmpty()) {
                  chatSink.accept(text);
                  log.append("[" + Texts.get("window.you") + "] " + text + "\n");
                  message.setText("");
                }
              });
          frame.getContentPane().add(message, BorderLayout.SOUTH);
          frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
          frame.pack();
          frame.setLocationByPlatform(true);
          frame.setVisible(true);
        });
  }

  /** The line at the top: which session, with whom. */
  public void heading(String text) {
    onSwing(() -> heading.setText(text));
  }

  @Override
  public void tell(String text) {
    onSwing(() -> log.append(text + "\n"));
  }

  @Override
  public ConsentAnswer ask(ConsentRequest request, Duration timeout) {
    CompletableFuture<ConsentAnswer> answer = new CompletableFuture<>();
    Object[] options = {
      Texts.get("window.allow"), Texts.get("window.allowSession"), Texts.get("window.deny")
    };
    JOptionPane pane =
        new JOptionPane(
            plainText(request.question()),
            JOptionPane.QUESTION_MESSAGE,
            JOptionPane.DEFAULT_OPTION,
            null,
            options,
            options[2]);
    JDialog[] dialog = new JDialog[1];
    onSwing(
        () -> {
          dialog[0] = pane.createDialog(frame, Texts.get("window.title"));
          dialog[0].setModal(false);
          dialog[0].addComponentListener(
              new java.awt.event.ComponentAdapter() {
                @Override
                public void componentHidden(java.awt.event.ComponentEvent e) {
                  Object value = pane.getValue();
                  if (options[0].equals(value)) {
                    answer.complete(new ConsentAnswer(true, How.CUSTOMER));
                  } else if (options[1].equals(value)) {
                    answer.complete(new ConsentAnswer(true, How.CUSTOMER_FOR_SESSION));
                  } else {
                    answer.complete(new ConsentAnswer(false, How.CUSTOMER));
                  }
                }
              });
          dialog[0].setVisible(true);
        });
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      onSwing(() -> dialog[0].setVisible(false));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  @Override
  public void onChat(java.util.function.Consumer<String> sink) {
    chatSink = sink;
  }

  @Override
  public void close() {
    onSwing(frame::dispose);
  }

  /**
   * Text as Swing shows it without reading it: a string starting with {@code <html>} would
   * otherwise be rendered as HTML (a technician's name could hide the script list of a question).
   */
  static JTextArea plainText(String text) {
    JTextArea area = new JTextArea(text);
    area.setEditable(false);
    area.setOpaque(false);
    area.setLineWrap(true);
    area.setWrapStyleWord(true);
    area.setColumns(50);
    area.putClientProperty(HTML_DISABLE, Boolean.TRUE);
    return area;
  }

  private static void onSwing(Runnable action) {
    if (SwingUtilities.isEventDispatchThread()) {
      action.run();
    } else {
      SwingUtilities.invokeLater(action);
    }
  }
}
