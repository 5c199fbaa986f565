package org.assist.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to the test server, standing for the network between an agent and its server: the
 * agent talks TLS to the server through it, and {@link #close()} cuts the network off.
 */
final class TcpRelay implements AutoCloseable {
  private final ServerSocket listening;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean cut;

  TcpRelay() throws IOException {
    listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "relay-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  /** The server's address through the relay. */
  String address() {
    return "https://" + TestServer.HOST + ":" + listening.getLocalPort();
  }

  private void accept() {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        if (cut) {
          client.close();
          continue;
        }
        Socket server = new Socket(TestServer.HOST, TestServer.HTTPS_PORT);
        open.add(client);
        open.add(server);
        pipe(client, server);
        pipe(server, client);
      } catch (IOException e) {
        // closed
      }
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

  /** The network is back. */
  void restore() {
    cut = false;
  }

  /** Cuts the network: no more connections, and the open ones are gone. */
  @Override
  public void close() throws IOException {
    listening.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
