package dev.flagon.internal;

import dev.flagon.WerkzeugCookie;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the session cookie's value is carried: in one cookie, as Flask does, or under
 * {@code SESSION_SIZE_POLICY=split} over {@code name}, {@code name.1}, ... when it does not fit in one. A
 * split value starts with its chunk count and {@code ~} ({@code session=3~eyJ...}), so reassembly takes
 * exactly the chunks written together; the pieces are verified as ONE signed or encrypted value, so chunks
 * of another session, reordered or missing ones fail. Chunks have the main cookie's attributes.
 *
 * @param main the main cookie
 * @param split whether a value too big for one cookie is split over chunk cookies
 * @param limit {@code MAX_COOKIE_SIZE}, 0 for none
 * @param cookies the most cookies one value may take: {@code SESSION_MAX_CHUNKS} when split, else 1
 * @param maxPieceLength the longest piece read from one chunk cookie
 */
public record CookieCarrier(WerkzeugCookie main, boolean split, int limit, int cookies, int maxPieceLength) {
  /** The most chunks a session may take: 16 cookies of 4 KiB, the codec's 64 KiB token cap. */
  public static final int MAX_CHUNKS = 16;
  /** Separates the chunk count from the first piece; never part of a signed or encrypted token. */
  private static final char MARK = '~';

  /**
   * What a request carried.
   *
   * @param value the cookie value, or null when there is none or it was refused
   * @param problem why it was refused, for the log (never the value), or null
   * @param state the chunk indexes carried, for {@link #set} and {@link #delete} to delete stale ones
   */
  public record Incoming(String value, String problem, Object state) {}

  /** Reads the value from the request's {@code Cookie} header values, a split one's chunks in one pass. */
  public Incoming read(List<String> headers) {
    String name = main.name();
    if (!split) {
      return new Incoming(WerkzeugCookie.firstValue(headers, name), null, null);
    }
    Map<String, String> found = CookieHeader.firstValues(headers, n -> n.equals(name) || chunkIndex(n) > 0);
    List<Integer> present = found.keySet().stream().map(this::chunkIndex).filter(i -> i > 0).sorted().toList();
    String first = found.get(name);
    if (first != null && first.length() > maxPieceLength) {
      return tooLong(present);
    }
    int mark = first == null ? -1 : first.indexOf(MARK);
    if (mark < 0) {
      return new Incoming(first, null, present);
    }
    int count = number(first.substring(0, mark));
    if (count < 2 || count > MAX_CHUNKS) {
      return new Incoming(null, "malformed chunk count", present);
    }
    StringBuilder whole = new StringBuilder(first.substring(mark + 1));
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

  private Incoming tooLong(List<Integer> present) {
    return new Incoming(null, "a cookie is longer than " + maxPieceLength + " characters, a Flagon limit", present);
  }

  /** The index of a chunk cookie's name ({@code name.3} gives 3), or -1 if it is not one. */
  private int chunkIndex(String cookieName) {
    String name = main.name();
    boolean chunk = cookieName.startsWith(name) && cookieName.length() > name.length() + 1
        && cookieName.charAt(name.length()) == '.';
    int index = chunk ? number(cookieName.substring(name.length() + 1)) : -1;
    return index < MAX_CHUNKS ? index : -1;
  }

  /** One or two digits without a leading zero as a number, else -1. */
  private static int number(String digits) {
    return digits.matches("[1-9][0-9]?") ? Integer.parseInt(digits) : -1;
  }

  /**
   * The {@code Set-Cookie} values that set this value: one cookie if it fits in {@code MAX_COOKIE_SIZE}, else
   * the fewest chunks that each fit, filled in order, else one oversized cookie (the size policy refuses
   * it); then deletions of the request's chunks no longer used. {@code state} is what {@link #read} gave.
   */
  public List<String> set(String value, Instant expires, Object state) {
    List<String> headers = chunks(value, expires);
    return withStale(headers, state, headers.size());
  }

  /** The {@code Set-Cookie} values that delete the cookie and every chunk the request carried. */
  public List<String> delete(Object state) {
    return withStale(List.of(main.delete()), state, 1);
  }

  private List<String> chunks(String value, Instant expires) {
    String single = main.set(value, expires);
    if (limit == 0 || single.length() <= limit) {
      return List.of(single);
    }
    for (int count = 2; count <= cookies; count++) {
      String mark = count + String.valueOf(MARK);
      int[] room = new int[count];
      long total = 0;
      for (int i = 0; i < count; i++) {
        room[i] = limit - chunk(i).set(i == 0 ? mark : "", expires).length();
        total += Math.max(room[i], 0);
      }
      if (total >= value.length() && room[0] >= 0) {
        List<String> headers = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < count; i++) {
          int to = Math.min(value.length(), from + Math.max(room[i], 0));
          headers.add(chunk(i).set((i == 0 ? mark : "") + value.substring(from, to), expires));
          from = to;
        }
        return headers;
      }
    }
    return List.of(single);
  }

  private WerkzeugCookie chunk(int index) {
    return index == 0 ? main : main.withName(main.name() + "." + index);
  }

  /** These headers, then deletions of the request's chunks whose index is {@code fromIndex} or more. */
  private List<String> withStale(List<String> headers, Object state, int fromIndex) {
    List<String> all = new ArrayList<>(headers);
    if (state instanceof List<?> present) { // read() made it: chunk indexes, sorted
      present.stream().map(i -> (int) i).filter(i -> i >= fromIndex).forEach(i -> all.add(chunk(i).delete()));
    }
    return all;
  }
}
