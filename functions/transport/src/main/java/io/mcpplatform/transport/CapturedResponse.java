package io.mcpplatform.transport;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds whatever the SDK transport writes (status, body, {@code sendError}) so that nothing reaches
 * the client before it has been screened. Headers the SDK sets are dropped: the screened answer
 * sets its own.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private int status = SC_OK;
  private boolean errorSent;
  private PrintWriter writer;
  private ServletOutputStream stream;

  CapturedResponse(HttpServletResponse response) {
    super(response);
  }

  int capturedStatus() {
    return status;
  }

  boolean errorSent() {
    return errorSent;
  }

  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return buffer.toByteArray();
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void sendError(int sc) {
    status = sc;
    errorSent = true;
  }

  @Override
  public void sendError(int sc, String msg) {
    sendError(sc);
  }

  @Override
  public void sendRedirect(String location) {
    status = SC_INTERNAL_SERVER_ERROR;
    errorSent = true;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), false);
    }
    return writer;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              buffer.write(b, off, len);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new IllegalStateException("synchronous body only");
            }
          };
    }
    return stream;
  }

  @Override
  public void setContentType(String type) {
    // the screened answer sets its own
  }

  @Override
  public void setCharacterEncoding(String charset) {
    // the screened answer sets its own
  }

  @Override
  public void setContentLength(int len) {
    // the screened answer sets its own
  }

  @Override
  public void setContentLengthLong(long len) {
    // the screened answer sets its own
  }

  @Override
  public void setHeader(String name, String value) {
    // dropped: see class comment
  }

  @Override
  public void addHeader(String name, String value) {
    // dropped: see class comment
  }

  @Override
  public void setIntHeader(String name, int value) {
    // dropped: see class comment
  }

  @Override
  public void addIntHeader(String name, int value) {
    // dropped: see class comment
  }

  @Override
  public void setDateHeader(String name, long date) {
    // dropped: see class comment
  }

  @Override
  public void addDateHeader(String name, long date) {
    // dropped: see class comment
  }

  @Override
  public void setBufferSize(int size) {
    // everything is buffered
  }

  @Override
  public void flushBuffer() {
    // nothing is sent until screened
  }

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void resetBuffer() {
    buffer.reset();
  }

  @Override
  public void reset() {
    buffer.reset();
    status = SC_OK;
    errorSent = false;
  }
}
