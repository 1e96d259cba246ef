package dev.flagon;

import dev.flagon.json.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Flask's message flashing over the session's {@code _flashes} list, for {@link Session}. */
final class Flashes {
  private Flashes() {}

  /**
   * A new {@code _flashes} list: the stored one with {@code (category, message)} appended.
   *
   * @throws IllegalStateException if {@code _flashes} holds something other than a list
   */
  static List<Object> appended(Object stored, String category, Object message) {
    if (!(stored instanceof List<?> existing) || stored instanceof Tuple) {
      throw new IllegalStateException("the session's " + Session.FLASHES_KEY + " is not a list");
    }
    List<Object> flashes = new ArrayList<>(existing);
    flashes.add(Tuple.of(category, message));
    return flashes;
  }

  /** The entries of a popped {@code _flashes} value, nulls left out; none if it is not a list. */
  static List<Object> entries(Object popped) {
    List<Object> copy = new ArrayList<>();
    if (popped instanceof List<?> list) {
      for (Object item : list) {
        if (item != null) {
          copy.add(item);
        }
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** The two-item entries as messages, in the wanted categories (all if none are named). */
  static List<FlashMessage> filter(List<?> entries, String... categoryFilter) {
    Set<String> wanted = new HashSet<>(Arrays.asList(categoryFilter));
    List<FlashMessage> result = new ArrayList<>();
    for (Object entry : entries) {
      if (entry instanceof List<?> pair && pair.size() == 2) {
        String category = pair.get(0) == null ? null : pair.get(0).toString();
        if (wanted.isEmpty() || wanted.contains(category)) {
          result.add(new FlashMessage(category, pair.get(1)));
        }
      }
    }
    return Collections.unmodifiableList(result);
  }
}
