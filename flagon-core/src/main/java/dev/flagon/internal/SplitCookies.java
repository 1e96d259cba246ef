package dev.flagon.internal;

import dev.flagon.WerkzeugCookie;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code SESSION_SIZE_POLICY=split}: one cookie value, of any format, carried over {@code name},
 * {@code name.1}, {@code name.2}, ... A value that fits stays one plain, Flask-compatible cookie. A split
 * one starts with its chunk count and {@code ~} ({@code session=3~eyJ...}), so reassembly takes exactly the
 * chunks written together and a stale chunk left over by an earlier response is never appended. The
 * pieces are verified as ONE signed or encrypted value: a chunk from another session, reordered chunks or a
 * missing chunk fail verification. Every chunk has the main cookie's attributes (Domain, Path, Secure,
 * HttpOnly, SameSite, Partitioned, Expires), so the browser keeps and sends them together. Immutable.
 */
public final class SplitCookies implements CookieCarrier {
  /** The most chunks a session may take: 16 cookies of 4 KiB, the codec's 64 KiB token cap. */
  public static final int MAX_CHUNKS = 16;
  /** Separates the chunk count from the first piece; never part of a signed or encrypted token. */
  static final char MARK = '~';

  private final String name;
  private final int limit;
  private final int maxChunks;
  private final int maxPieceLength;
  /** Index i: chunk i (0 is the main cookie), for every index a chunk can have. */
  private final WerkzeugCookie[] formats = new WerkzeugCookie[MAX_CHUNKS];

  /**
   * @param main the main cookie; each chunk has its attributes
   * @param limit {@code MAX_COOKIE_SIZE}, 0 for none
   * @param maxChunks {@code SESSION_MAX_CHUNKS}
   * @param maxPieceLength the longest piece read from one cookie
   */
  public SplitCookies(WerkzeugCookie main, int limit, int maxChunks, int maxPieceLength) {
    this.name = main.name();
    this.limit = limit;
    this.maxChunks = maxChunks;
    this.maxPieceLength = maxPieceLength;
    formats[0] = main;
    for (int i = 1; i < formats.length; i++) {
      formats[i] = main.withName(name + "." + i);
    }
  }

  @Override
  public int cookies() {
    return maxChunks;
  }

  /**
   * Reads the main cookie and its chunks from the request's {@code Cookie} headers, in one pass; the state
   * is the indexes of the chunks present, so that saving deletes the stale ones.
   */
  @Override
  public Incoming read(List<String> headers) {
    Map<String, String> found = CookieHeader.firstValues(headers, n -> n.equals(name) || chunkIndex(n) > 0);
    Set<Integer> sorted = new TreeSet<>(); // deleted in index order
    found.keySet().forEach(n -> sorted.add(chunkIndex(n)));
    sorted.remove(-1);
    Set<Integer> present = Collections.unmodifiableSet(sorted);
    String main = found.get(name);
    if (main != null && main.length() > maxPieceLength) {
      return tooLong(present);
    }
    int count = chunkCount(main);
    if (count == 1) {
      return new Incoming(main, null, present);
    }
    if (count < 0) {
      return new Incoming(null, "malformed chunk count", present);
    }
    StringBuilder whole = new StringBuilder(main.substring(main.indexOf(MARK) + 1));
    for (int i = 1; i < count; i++) {
      String piece = found.get(name + "." + i);
      if (piece == null) {
        return new Incoming(null, "chunk " + i + " of " + count + " is missing", present);
      }
      if (piece.length() > maxPieceLength) {
        return tooLong(present);
      }
      whole.append(piece);
    }
    return new Incoming(whole.toString(), null, present);
  }

  private Incoming tooLong(Set<Integer> present) {
    return new Incoming(null, "a cookie is longer than " + maxPieceLength + " characters, a Flagon limit",
        present);
  }

  /** 1 for a plain value (or none), n for {@code n~...} with 2 <= n <= 16, -1 for anything else marked. */
  private static int chunkCount(String value) {
    int mark = value == null ? -1 : value.indexOf(MARK);
    if (mark < 0) {
      return 1;
    }
    String digits = value.substring(0, mark);
    boolean ok = digits.matches("[1-9][0-9]?") && Integer.parseInt(digits) >= 2
        && Integer.parseInt(digits) <= MAX_CHUNKS;
    return ok ? Integer.parseInt(digits) : -1;
  }

  /** The index of a chunk cookie's name ({@code name.3} gives 3), or -1 if it is not one. */
  private int chunkIndex(String cookieName) {
    if (cookieName.length() < name.length() + 2 || !cookieName.startsWith(name)
        || cookieName.charAt(name.length()) != '.') {
      return -1;
    }
    String digits = cookieName.substring(name.length() + 1);
    if (!digits.matches("[1-9][0-9]?")) {
      return -1;
    }
    int index = Integer.parseInt(digits);
    return index < MAX_CHUNKS ? index : -1;
  }

  /**
   * The headers that set this value: one cookie if it fits in {@code MAX_COOKIE_SIZE}, else the fewest
   * chunks that each fit, filled in order, else (not even {@code SESSION_MAX_CHUNKS} chunks are enough) one
   * oversized cookie; then deletions of the request's chunks that are no longer part of it.
   */
  @Override
  public List<String> set(String value, Instant expires, Object state) {
    List<String> headers = chunks(value, expires);
    return withStale(headers, state, headers.size());
  }

  @Override
  public List<String> delete(Object state) {
    return withStale(List.of(formats[0].delete()), state, 1);
  }

  private List<String> chunks(String value, Instant expires) {
    String single = formats[0].set(value, expires);
    if (limit == 0 || single.length() <= limit) {
      return List.of(single);
    }
    for (int count = 2; count <= maxChunks; count++) {
      String mark = count + String.valueOf(MARK);
      int[] room = new int[count];
      long total = 0;
      for (int i = 0; i < count; i++) {
        room[i] = limit - formats[i].set(i == 0 ? mark : "", expires).length();
        total += Math.max(room[i], 0);
      }
      if (total >= value.length() && room[0] >= 0) {
        List<String> headers = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < count; i++) {
          int to = Math.min(value.length(), from + Math.max(room[i], 0));
          headers.add(formats[i].set((i == 0 ? mark : "") + value.substring(from, to), expires));
          from = to;
        }
        return headers;
      }
    }
    return List.of(single);
  }

  /** These headers, then deletions of the request's chunks whose index is {@code fromIndex} or more. */
  private List<String> withStale(List<String> headers, Object state, int fromIndex) {
    List<String> all = new ArrayList<>(headers);
    if (state instanceof Set<?> present) { // read() made it: chunk indexes, sorted
      for (Object index : present) {
        if ((Integer) index >= fromIndex) {
          all.add(formats[(Integer) index].delete());
        }
      }
    }
    return all;
  }
}
