package io.mcpplatform.health.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The socket's input, bounded by the probe's budget: each read waits at most the time left and counts
 * against the byte bound. Budget overruns surface as {@link BudgetExceeded} carrying the detail.
 */
final class BoundedInput extends InputStream {

  /** An I/O error that stands for a spent budget. */
  static final class BudgetExceeded extends InterruptedIOException {
    private static final long serialVersionUID = 1L;
    final transient ProbeFailedException reason;

    BudgetExceeded(ProbeFailedException reason) {
      super(reason.getMessage());
      this.reason = reason;
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final ProbeBudget budget;

  BoundedInput(Socket socket, ProbeBudget budget) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.budget = budget;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      socket.setSoTimeout(budget.remainingMillis());
      int n = in.read(b, off, len);
      if (n > 0) {
        budget.consume(n);
      }
      return n;
    } catch (ProbeFailedException e) {
      throw new BudgetExceeded(e);
    } catch (SocketTimeoutException e) {
      throw new BudgetExceeded(budget.timedOut());
    }
  }
}
