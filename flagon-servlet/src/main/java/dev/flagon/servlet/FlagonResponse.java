package dev.flagon.servlet;

import dev.flagon.SessionLifecycle;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Saves the session before the first byte or character of the body (where a full buffer commits is the
 * container's choice), any flush or close, a redirect or an error; after a failed save sends nothing else.
 * Without a lifecycle, it is the lifecycle's view of the container's response.
 */
class FlagonResponse extends HttpServletResponseWrapper implements SessionLifecycle.Response {
  private final SessionLifecycle lifecycle;
  private SavingStream stream;
  private SavingWriter writer;

  FlagonResponse(HttpServletResponse response, SessionLifecycle lifecycle) {
    super(response);
    this.lifecycle = lifecycle;
  }

  /** For the lifecycle: straight to the container, where {@link #sendError(int)} would save first. */
  @Override
  public void answerError(int status) throws IOException {
    super.sendError(status);
  }

  @Override public void sendRedirect(String url) throws IOException { if (lifecycle.commit()) super.sendRedirect(url); }
  @Override public void sendError(int sc, String msg) throws IOException { if (lifecycle.commit()) super.sendError(sc, msg); }
  @Override public void sendError(int sc) throws IOException { if (lifecycle.commit()) super.sendError(sc); }
  @Override public void flushBuffer() throws IOException { if (lifecycle.commit()) super.flushBuffer(); }

  /** A reset removes the cookie headers too: they are written again at the next commit point. */
  @Override
  public void reset() {
    super.reset();
    lifecycle.reset();
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    ServletOutputStream inner = super.getOutputStream();
    return stream != null && stream.inner == inner ? stream : (stream = new SavingStream(inner));
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    PrintWriter inner = super.getWriter();
    return writer != null && writer.inner == inner ? writer : (writer = new SavingWriter(inner));
  }

  /** The container's stream, saving before the first byte, flush or close; {@code print} stays its own. */
  private final class SavingStream extends ServletOutputStream {
    final ServletOutputStream inner;

    SavingStream(ServletOutputStream inner) { this.inner = inner; }

    @Override public void write(int b) throws IOException { if (lifecycle.commit()) inner.write(b); }
    @Override public void write(byte[] b, int o, int n) throws IOException { if (lifecycle.commit()) inner.write(b, o, n); }
    @Override public void print(String s) throws IOException { if (lifecycle.commit()) inner.print(s); }
    @Override public void flush() throws IOException { if (lifecycle.commit()) inner.flush(); }
    @Override public void close() throws IOException { lifecycle.commit(); inner.close(); }
    @Override public boolean isReady() { return inner.isReady(); }
    @Override public void setWriteListener(WriteListener listener) { inner.setWriteListener(listener); }
  }

  /**
   * The container's writer, saving before the first character, flush or close: every print and format
   * reaches the writer below. Formats in the response's locale and reports the container writer's errors.
   */
  private final class SavingWriter extends PrintWriter {
    final PrintWriter inner;

    SavingWriter(PrintWriter inner) {
      super(new Writer() {
        @Override public void write(char[] c, int o, int n) { if (lifecycle.commit()) inner.write(c, o, n); }
        @Override public void write(String s, int o, int n) { if (lifecycle.commit()) inner.write(s, o, n); }
        @Override public void flush() { if (lifecycle.commit()) inner.flush(); }
        @Override public void close() { lifecycle.commit(); inner.close(); }
      });
      this.inner = inner;
    }

    @Override public PrintWriter format(String f, Object... args) { return format(getLocale(), f, args); }
    @Override public boolean checkError() { return super.checkError() || inner.checkError(); }
  }
}
