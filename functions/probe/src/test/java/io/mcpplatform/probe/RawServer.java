package io.mcpplatform.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server whose behaviour a test scripts: it reads each request head, records it, and
 * hands the socket to the script (answer garbage, redirect, never answer, stream forever...).
 */
public final class RawServer implements AutoCloseable {

  /** What the server does with one connection after reading the request head. */
  @FunctionalInterface
  public interface Script {
    void run(Socket socket, String requestHead) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /**
   * @param script what to do with each connection
   */
  public RawServer(Script script) throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!closed) {
                try {
                  Socket s = server.accept();
                  connections.incrementAndGet();
                  open.add(s);
                  Thread t = new Thread(() -> serve(s, script), "raw-server-conn");
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "raw-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void serve(Socket s, Script script) {
    try (s) {
      String head = readHead(s.getInputStream());
      heads.add(head);
      script.run(s, head);
    } catch (IOException e) {
      // the probe went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      b.write(c);
      String s = b.toString(StandardCharsets.ISO_8859_1);
      if (s.endsWith("\r\n\r\n")) {
        return s;
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * @return the port
   */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * @return an http URL on this server
   */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /**
   * @return connections accepted so far
   */
  public int connections() {
    return connections.get();
  }

  /**
   * @return the request heads read so far
   */
  public List<String> heads() {
    return List.copyOf(heads);
  }

  /** Writes text to a socket. */
  public static void write(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
