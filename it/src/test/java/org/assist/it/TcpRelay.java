package org.assist.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay to the test server, standing for the network between an agent and its server: the
 * agent talks TLS to the server through it, to the HTTPS port and to the broker's port, and {@link
 * #cut()} or {@link #close()} cuts the network off. It stands on another loopback address (the
 * server listens on 127.0.0.1 only), so that the broker's port, which the join names, can be the
 * same number through the relay as on the server.
 */
final class TcpRelay implements AutoCloseable {
  private static final InetAddress RELAY = relayAddress();

  private final List<ServerSocket> listening = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean cut;

  /** Where the broker's port leads instead of the server's broker (0: to the server's). */
  private volatile int brokerElsewhere;

  private final AtomicInteger diverted = new AtomicInteger();

  /** How many connections came to the relay's broker port. */
  private final AtomicInteger brokerConnections = new AtomicInteger();

  TcpRelay() throws IOException {
    this(TestServer.BROKER_PORT);
  }

  /**
   * The same, with the broker reached at this port of the relay (0: any free one), as a firewall
   * that forwards another port number to the server's broker.
   */
  TcpRelay(int brokerPort) throws IOException {
    try {
      relay(0, TestServer.HTTPS_PORT);
      relay(brokerPort, TestServer.BROKER_PORT);
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** The relay's port for the broker. */
  int brokerPort() {
    return listening.get(1).getLocalPort();
  }

  int brokerConnections() {
    return brokerConnections.get();
  }

  /** The server's address through the relay. */
  String address() {
    return "https://" + RELAY.getHostAddress() + ":" + listening.get(0).getLocalPort();
  }

  /** Relays what comes to this port of the relay's address to this port of the server. */
  private void relay(int port, int serverPort) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(RELAY, port), 50);
    listening.add(socket);
    Thread accepting = new Thread(() -> accept(socket, serverPort), "relay-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  private void accept(ServerSocket listening, int serverPort) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        if (cut) {
          client.close();
          continue;
        }
        int to = serverPort;
        if (serverPort == TestServer.BROKER_PORT) {
          brokerConnections.incrementAndGet();
          if (brokerElsewhere != 0) {
            to = brokerElsewhere;
            diverted.incrementAndGet();
          }
        }
        Socket server = new Socket(TestServer.HOST, to);
        open.add(client);
        open.add(server);
        pipe(client, server);
        pipe(server, client);
      } catch (IOException e) {
        // closed
      }
    }
  }

  private static InetAddress relayAddress() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side went away
              }
            },
            "relay-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  /** Cuts the network for a while: the open connections are gone, new ones are refused. */
  void cut() throws IOException {
    cut = true;
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  /**
   * New connections to the broker's port go to this port of the server's host instead (someone else
   * answering there, as on a network an attacker controls); 0: to the broker again.
   */
  void divertBroker(int port) {
    brokerElsewhere = port;
  }

  /** How many connections went elsewhere ({@link #divertBroker}). */
  int divertedConnections() {
    return diverted.get();
  }

  /** The network is back. */
  void restore() {
    cut = false;
  }

  /** Cuts the network: no more connections, and the open ones are gone. */
  @Override
  public void close() throws IOException {
    for (ServerSocket socket : listening) {
      socket.close();
    }
    for (Socket socket : open) {
      socket.close();
    }
  }
}
