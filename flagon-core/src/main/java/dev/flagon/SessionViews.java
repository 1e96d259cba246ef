package dev.flagon;

import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The live views of a {@link Session}: every call marks it accessed; a removal through a view or its
 * iterator marks it modified when it removes something; an entry's {@code setValue} is a checked store.
 * Like the session, their {@code toString} never shows keys or values.
 */
final class SessionViews {
  private SessionViews() {}

  static final class Keys extends AbstractSet<String> {
    private final SessionMap session;

    Keys(SessionMap session) {
      this.session = session;
    }

    @Override
    public Iterator<String> iterator() {
      return new Tracking<>(session, Map.Entry::getKey);
    }

    @Override
    public int size() {
      return session.size();
    }

    @Override
    public boolean contains(Object key) {
      return session.containsKey(key);
    }

    @Override
    public boolean remove(Object key) {
      boolean present = session.containsKey(key);
      session.remove(key);
      return present;
    }

    @Override
    public String toString() {
      return "Session.keySet[" + session.data().size() + " keys]";
    }
  }

  static final class Values extends AbstractCollection<Object> {
    private final SessionMap session;

    Values(SessionMap session) {
      this.session = session;
    }

    @Override
    public Iterator<Object> iterator() {
      return new Tracking<>(session, Map.Entry::getValue);
    }

    @Override
    public int size() {
      return session.size();
    }

    @Override
    public boolean contains(Object value) {
      return session.containsValue(value);
    }

    @Override
    public String toString() {
      return "Session.values[" + session.data().size() + " values]";
    }
  }

  static final class Entries extends AbstractSet<Map.Entry<String, Object>> {
    private final SessionMap session;

    Entries(SessionMap session) {
      this.session = session;
    }

    @Override
    public Iterator<Map.Entry<String, Object>> iterator() {
      return new Tracking<>(session, entry -> new Entry(session, entry));
    }

    @Override
    public int size() {
      return session.size();
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof Map.Entry<?, ?> entry && session.containsKey(entry.getKey())
          && Objects.equals(session.get(entry.getKey()), entry.getValue());
    }

    @Override
    public boolean remove(Object o) {
      return o instanceof Map.Entry<?, ?> entry && session.remove(entry.getKey(), entry.getValue());
    }

    @Override
    public String toString() {
      return "Session.entrySet[" + session.data().size() + " entries]";
    }
  }

  /** An entry of the session: reading it marks access, {@code setValue} is a store. */
  private static final class Entry implements Map.Entry<String, Object> {
    private final SessionMap session;
    private final Map.Entry<String, Object> entry;

    Entry(SessionMap session, Map.Entry<String, Object> entry) {
      this.session = session;
      this.entry = entry;
    }

    @Override
    public String getKey() {
      session.accessed = true;
      return entry.getKey();
    }

    @Override
    public Object getValue() {
      session.accessed = true;
      return entry.getValue();
    }

    /** Python's {@code session[key] = value}: checked, and always a modification. */
    @Override
    public Object setValue(Object value) {
      session.checkValue(entry.getKey(), value);
      session.accessed = true;
      session.modified = true;
      return entry.setValue(value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> other && Objects.equals(getKey(), other.getKey())
          && Objects.equals(getValue(), other.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return "Session.entry";
    }
  }

  /** Iterates the data's entries as something; each step marks access, {@code remove} a modification. */
  private static final class Tracking<T> implements Iterator<T> {
    private final SessionMap session;
    private final Iterator<Map.Entry<String, Object>> entries;
    private final Function<Map.Entry<String, Object>, T> view;

    Tracking(SessionMap session, Function<Map.Entry<String, Object>, T> view) {
      session.accessed = true;
      this.session = session;
      this.entries = session.data().entrySet().iterator();
      this.view = view;
    }

    @Override
    public boolean hasNext() {
      session.accessed = true;
      return entries.hasNext();
    }

    @Override
    public T next() {
      session.accessed = true;
      return view.apply(entries.next());
    }

    @Override
    public void remove() {
      entries.remove(); // throws if there is nothing to remove, and then nothing changed
      session.modified = true;
    }
  }
}
