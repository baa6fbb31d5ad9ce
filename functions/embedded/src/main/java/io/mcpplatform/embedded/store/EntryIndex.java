package io.mcpplatform.embedded.store;

import io.mcpplatform.core.catalog.ServerEntry;
import io.mcpplatform.core.store.Change;
import io.mcpplatform.core.store.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The in-memory state of a {@link FileRegistryStore}: entries by name, and two sorted indexes, by
 * registration time and by change time, each ordered by (time, name). Not thread-safe.
 */
final class EntryIndex {

  private static final char UPDATED = 'u';
  private static final char CHANGED = 'c';

  /** A position in a sorted index. */
  record Key(Instant at, String name) implements Comparable<Key> {

    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::at).thenComparing(Key::name);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private final Map<String, Change> byName = new HashMap<>();
  private final NavigableSet<Key> byUpdated = new TreeSet<>();
  private final NavigableSet<Key> byChange = new TreeSet<>();
  private long records;

  Change get(String name) {
    return byName.get(name);
  }

  /** Records an entry's new state, replacing the former one. */
  void put(Change change) {
    ServerEntry entry = change.entry();
    Change old = byName.put(entry.name(), change);
    if (old != null) {
      byUpdated.remove(new Key(old.entry().updatedAt(), entry.name()));
      byChange.remove(new Key(old.changedAt(), entry.name()));
    }
    byUpdated.add(new Key(entry.updatedAt(), entry.name()));
    byChange.add(new Key(change.changedAt(), entry.name()));
    records++;
  }

  /**
   * @return how many journal records no longer describe a current state
   */
  long superseded() {
    return records - byName.size();
  }

  /**
   * @return the current states, oldest change first
   */
  List<Change> inChangeOrder() {
    List<Change> all = new ArrayList<>(byChange.size());
    for (Key key : byChange) {
      all.add(byName.get(key.name()));
    }
    return all;
  }

  /** Forgets the journal history after a compaction: every record now is a current state. */
  void compacted() {
    records = byName.size();
  }

  Page<ServerEntry> listByUpdated(String cursor, int limit) {
    NavigableSet<Key> view = byUpdated.descendingSet();
    if (cursor != null) {
      view = view.tailSet(decode(cursor, UPDATED), false);
    }
    return page(view, limit, UPDATED, key -> byName.get(key.name()).entry());
  }

  Page<Change> changesSince(Instant since, String cursor, int limit) {
    Key from = new Key(since, "");
    NavigableSet<Key> view = byChange.tailSet(from, true);
    if (cursor != null) {
      Key after = decode(cursor, CHANGED);
      if (after.compareTo(from) >= 0) {
        view = byChange.tailSet(after, false);
      }
    }
    return page(view, limit, CHANGED, key -> byName.get(key.name()));
  }

  private static <T> Page<T> page(
      NavigableSet<Key> view, int limit, char kind, Function<Key, T> item) {
    List<T> items = new ArrayList<>(Math.min(limit, view.size()));
    Iterator<Key> keys = view.iterator();
    Key last = null;
    while (keys.hasNext() && items.size() < limit) {
      last = keys.next();
      items.add(item.apply(last));
    }
    return new Page<>(items, keys.hasNext() ? encode(kind, last) : null);
  }

  private static String encode(char kind, Key key) {
    String raw = kind + "|" + key.at() + "|" + key.name();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Key decode(String cursor, char kind) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", 3);
      if (parts.length != 3
          || parts[0].length() != 1
          || parts[0].charAt(0) != kind
          || parts[2].isEmpty()) {
        throw new IllegalArgumentException("cursor is not valid");
      }
      return new Key(Instant.parse(parts[1]), parts[2]);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException("cursor is not valid", e);
    }
  }
}
