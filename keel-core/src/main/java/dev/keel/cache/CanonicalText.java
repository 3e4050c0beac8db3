package dev.keel.cache;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A value as text that is the same in every run for equal values: records by component, sets and
 * maps in sorted order (a {@code Set.copyOf} iterates in an order that changes from one JVM to the
 * next), everything else by {@code toString}. For cache keys, where two equal settings must give
 * one key and any change must give another.
 */
public final class CanonicalText {
  private CanonicalText() {}

  /** {@code value} as canonical text. */
  public static String of(Object value) {
    return of(value, Set.of());
  }

  /** {@code value}, a record, as canonical text without the components named in {@code skip}. */
  public static String of(Object value, Set<String> skip) {
    StringBuilder s = new StringBuilder();
    append(s, value, skip);
    return s.toString();
  }

  private static void append(StringBuilder s, Object v, Set<String> skip) {
    switch (v) {
      case null -> s.append("null");
      case Record r -> {
        s.append(r.getClass().getName()).append('(');
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          if (skip.contains(c.getName())) {
            continue;
          }
          Object part;
          try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            part = accessor.invoke(r);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
          }
          s.append(c.getName()).append('=');
          append(s, part, Set.of());
          s.append(';');
        }
        s.append(')');
      }
      case Optional<?> o -> {
        s.append("Optional[");
        o.ifPresent(x -> append(s, x, Set.of()));
        s.append(']');
      }
      case Map<?, ?> m -> {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          entries.add(of(e.getKey()) + "=" + of(e.getValue()));
        }
        entries.sort(null);
        s.append("Map").append(entries);
      }
      case Set<?> set -> {
        s.append("Set").append(sorted(set));
      }
      case Collection<?> c -> {
        s.append('[');
        for (Object e : c) {
          append(s, e, Set.of());
          s.append(',');
        }
        s.append(']');
      }
      case String str ->
          s.append('"').append(str.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      default -> s.append(v.getClass().getName()).append(':').append(v);
    }
  }

  private static List<String> sorted(Collection<?> c) {
    List<String> out = new ArrayList<>();
    for (Object e : c) {
      out.add(of(e));
    }
    out.sort(null);
    return out;
  }
}
