package dev.flagon.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Writes the session cookie just before the response can commit.
 *
 * <p>Where a response commits because its buffer filled is container-specific: Jetty, for one, sends a
 * write larger than its aggregation size at once, even into an empty buffer, and a {@code Writer}'s bytes
 * depend on its encoder. Counting bytes against {@link #getBufferSize()} would therefore be a guess. So
 * the cookie is written before the first byte or character of the body, before any flush or close, and
 * before {@code sendRedirect}, {@code sendError} and {@code flushBuffer}; this also covers reaching a
 * declared content length, which takes at least one write. As in Flask, where the session is saved before
 * the body is sent, session changes belong before the body; a later change is logged, never silently
 * dropped.
 */
final class FlagonResponse extends HttpServletResponseWrapper {
  private final RequestState state;
  private SavingOutputStream stream;
  private SavingWriter writer;

  FlagonResponse(HttpServletResponse response, RequestState state) {
    super(response);
    this.state = state;
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    if (state.beforeCommit()) {
      super.sendRedirect(location);
    }
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    if (state.beforeCommit()) {
      super.sendError(sc, msg);
    }
  }

  @Override
  public void sendError(int sc) throws IOException {
    if (state.beforeCommit()) {
      super.sendError(sc);
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    if (state.beforeCommit()) {
      super.flushBuffer();
    }
  }

  /** A reset removes the cookie headers too: they are written again at the next commit point. */
  @Override
  public void reset() {
    super.reset();
    state.afterReset();
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    ServletOutputStream inner = super.getOutputStream();
    if (stream == null || stream.inner != inner) {
      stream = new SavingOutputStream(inner, state);
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    PrintWriter inner = super.getWriter();
    if (writer == null || writer.inner != inner) {
      writer = new SavingWriter(inner, state);
    }
    return writer;
  }

  /** The output stream, saving before the first byte, flush or close. */
  private static final class SavingOutputStream extends ServletOutputStream {
    final ServletOutputStream inner;
    private final RequestState state;

    SavingOutputStream(ServletOutputStream inner, RequestState state) {
      this.inner = inner;
      this.state = state;
    }

    @Override
    public void write(int b) throws IOException {
      if (state.beforeCommit()) {
        inner.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (state.beforeCommit()) {
        inner.write(b, off, len);
      }
    }

    @Override
    public void print(String s) throws IOException {
      if (state.beforeCommit()) {
        inner.print(s);
      }
    }

    @Override
    public void println() throws IOException {
      if (state.beforeCommit()) {
        inner.println();
      }
    }

    @Override
    public void flush() throws IOException {
      if (state.beforeCommit()) {
        inner.flush();
      }
    }

    @Override
    public void close() throws IOException {
      state.beforeCommit();
      inner.close();
    }

    @Override
    public boolean isReady() {
      return inner.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      inner.setWriteListener(listener);
    }
  }

  /**
   * The writer, saving before the first character, flush or close. {@code print} and {@code append} reach
   * the three {@code write} methods; {@code println()} writes the line separator straight to the inner
   * writer, and {@code format} goes to the container's for its locale, so both are hooked too.
   */
  private static final class SavingWriter extends PrintWriter {
    final PrintWriter inner;
    private final RequestState state;

    SavingWriter(PrintWriter inner, RequestState state) {
      super(inner);
      this.inner = inner;
      this.state = state;
    }

    private boolean proceed() {
      try {
        return state.beforeCommit();
      } catch (IOException e) {
        setError(); // a PrintWriter reports failures through checkError(), as the container's does
        return false;
      }
    }

    @Override
    public void write(int c) {
      if (proceed()) {
        super.write(c);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) {
      if (proceed()) {
        super.write(buf, off, len);
      }
    }

    @Override
    public void write(String s, int off, int len) {
      if (proceed()) {
        super.write(s, off, len);
      }
    }

    @Override
    public void println() {
      if (proceed()) {
        super.println();
      }
    }

    /** The container's writer formats with the response's locale. */
    @Override
    public PrintWriter format(String format, Object... args) {
      if (proceed()) {
        inner.format(format, args);
      }
      return this;
    }

    @Override
    public void flush() {
      if (proceed()) {
        super.flush();
      }
    }

    @Override
    public void close() {
      proceed();
      super.close();
    }
  }
}
