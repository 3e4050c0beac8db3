package dev.keel.cache;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a value of a record type with every component filled in, found by reflection: strings and
 * numbers differ from one component to the next, optionals are present, collections hold two
 * elements, each sealed interface's every alternative appears somewhere. A component of a type it
 * does not know fails the test that asked, naming it: a new component of a cached record is then
 * either filled here (and so round-tripped by the codec's test) or loudly reported.
 */
public final class Samples {
  private int counter = 1;
  private final Map<Class<?>, Integer> depth = new java.util.HashMap<>();

  public static <T> T of(Class<T> type) {
    return type.cast(new Samples().value(type, type.getSimpleName()));
  }

  /** Two different values of the type, from two different starting counters. */
  public static <T> T other(Class<T> type) {
    Samples s = new Samples();
    s.counter = 1000;
    return type.cast(s.value(type, type.getSimpleName()));
  }

  private Object value(Type t, String where) {
    int n = counter++;
    if (t instanceof Class<?> c) {
      if (c == int.class || c == Integer.class) {
        return n;
      } else if (c == long.class || c == Long.class) {
        return 10_000_000_000L + n;
      } else if (c == boolean.class || c == Boolean.class) {
        return n % 2 == 1;
      } else if (c == double.class || c == Double.class) {
        return n + 0.5;
      } else if (c == String.class) {
        return "s" + n + "·é";
      } else if (c.isEnum()) {
        Object[] all = c.getEnumConstants();
        return all[n % all.length];
      } else if (c.isRecord()) {
        return record(c, where);
      } else if (c.isSealed()) {
        Class<?>[] permitted = c.getPermittedSubclasses().clone();
        Arrays.sort(permitted, Comparator.comparing(Class::getName));
        return value(permitted[n % permitted.length], where + "<" + c.getSimpleName() + ">");
      }
    } else if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class) {
        List<Object> out = new ArrayList<>();
        out.add(value(args[0], where + "[0]"));
        out.add(value(args[0], where + "[1]"));
        return out;
      } else if (raw == Set.class) {
        Set<Object> out = new LinkedHashSet<>();
        out.add(value(args[0], where + "[0]"));
        out.add(value(args[0], where + "[1]"));
        return out;
      } else if (raw == Optional.class) {
        return Optional.of(value(args[0], where + "?"));
      } else if (raw == Map.class) {
        Map<Object, Object> out = new LinkedHashMap<>();
        out.put(value(args[0], where + "{k}"), value(args[1], where + "{v}"));
        return out;
      }
    }
    throw new AssertionError(
        where
            + ": Samples cannot build a "
            + t.getTypeName()
            + "; teach it (and dev.keel.cache.RecordCodec) this type so the cache's round trip"
            + " covers it");
  }

  private Object record(Class<?> c, String where) {
    RecordComponent[] components = c.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    int d = depth.merge(c, 1, Integer::sum);
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] =
            d > 2 && !types[i].isPrimitive()
                ? emptyOf(components[i].getGenericType())
                : value(components[i].getGenericType(), where + "." + components[i].getName());
      }
    } finally {
      depth.merge(c, -1, Integer::sum);
    }
    try {
      Constructor<?> k = c.getDeclaredConstructor(types);
      k.setAccessible(true);
      return k.newInstance(args);
    } catch (ReflectiveOperationException e) {
      // Counters climb, so a record that checks an order (a span ends after it starts) is met.
      throw new AssertionError(where + ": cannot build " + c.getName() + ": " + e.getCause(), e);
    }
  }

  /** What ends a recursive type: an empty collection or optional. */
  private static Object emptyOf(Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      if (raw == List.class) {
        return List.of();
      } else if (raw == Set.class) {
        return Set.of();
      } else if (raw == Optional.class) {
        return Optional.empty();
      } else if (raw == Map.class) {
        return Map.of();
      }
    }
    return null;
  }
}
