package dev.keel.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binary form of a record and everything it holds, found by reflection over the record's
 * components: records, sealed interfaces of records, enums, {@code String}, the primitives and
 * their boxes, {@code List}, {@code Set}, {@code Map} and {@code Optional}. A component of any
 * other type is refused when the codec is built, with the path to it ({@code
 * Outcome.findings[].span: java.time.Instant ...}), so a type added to a cached record is either
 * stored in full or fails at once, never dropped.
 *
 * <p>{@link #schema()} describes the shape (every record's components with their types, every
 * enum's constants in order); the cache puts its hash in each key, so entries written by a build
 * with another shape are never read.
 *
 * @param <T> the record type
 */
public final class RecordCodec<T extends Record> {
  private final Class<T> type;
  private final Node root;
  private final String schema;

  private RecordCodec(Class<T> type) {
    this.type = type;
    Builder b = new Builder();
    this.root = b.node(type, type.getSimpleName());
    StringBuilder s = new StringBuilder();
    root.describe(s, new java.util.HashSet<>());
    this.schema = s.toString();
  }

  /**
   * The codec of {@code type}; throws {@link UnsupportedOperationException} naming what it lacks.
   */
  public static <T extends Record> RecordCodec<T> of(Class<T> type) {
    return new RecordCodec<>(type);
  }

  /** The shape of the stored type, as text: it changes whenever a stored record's shape does. */
  public String schema() {
    return schema;
  }

  public byte[] encode(T value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      root.write(out, value);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The value {@code bytes} hold; {@link CorruptEntryException} when they are not what {@link
   * #encode} wrote (truncated, altered, another shape), whatever the damage.
   */
  public T decode(byte[] bytes) throws CorruptEntryException {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      Object v = root.read(in);
      if (in.read() != -1) {
        throw new CorruptEntryException("bytes left over after the value");
      }
      return type.cast(v);
    } catch (CorruptEntryException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // A constructor's own checks (a Span that ends before it starts) or a bad length land here
      // too: damaged bytes are a miss, never a crash.
      throw new CorruptEntryException(e.toString());
    }
  }

  /** Bytes that do not hold what the codec wrote. */
  public static final class CorruptEntryException extends IOException {
    public CorruptEntryException(String message) {
      super(message);
    }
  }

  private interface Node {
    void write(DataOutputStream out, Object v) throws IOException;

    Object read(DataInputStream in) throws IOException;

    void describe(StringBuilder s, java.util.Set<Class<?>> seen);
  }

  /** A reference that may be null: one byte says whether it is. */
  private static Node nullable(Node inner) {
    return new Node() {
      @Override
      public void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
          out.writeByte(0);
        } else {
          out.writeByte(1);
          inner.write(out, v);
        }
      }

      @Override
      public Object read(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
          case 0 -> null;
          case 1 -> inner.read(in);
          default -> throw new CorruptEntryException("bad presence byte");
        };
      }

      @Override
      public void describe(StringBuilder s, java.util.Set<Class<?>> seen) {
        inner.describe(s, seen);
      }
    };
  }

  private record Leaf(String name, Writer writer, Reader reader) implements Node {
    interface Writer {
      void write(DataOutputStream out, Object v) throws IOException;
    }

    interface Reader {
      Object read(DataInputStream in) throws IOException;
    }

    @Override
    public void write(DataOutputStream out, Object v) throws IOException {
      writer.write(out, v);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return reader.read(in);
    }

    @Override
    public void describe(StringBuilder s, java.util.Set<Class<?>> seen) {
      s.append(name);
    }
  }

  private static final Leaf INT =
      new Leaf("int", (o, v) -> o.writeInt((Integer) v), DataInputStream::readInt);
  private static final Leaf LONG =
      new Leaf("long", (o, v) -> o.writeLong((Long) v), DataInputStream::readLong);
  private static final Leaf SHORT =
      new Leaf("short", (o, v) -> o.writeShort((Short) v), DataInputStream::readShort);
  private static final Leaf BYTE =
      new Leaf("byte", (o, v) -> o.writeByte((Byte) v), DataInputStream::readByte);
  private static final Leaf CHAR =
      new Leaf("char", (o, v) -> o.writeChar((Character) v), DataInputStream::readChar);
  private static final Leaf DOUBLE =
      new Leaf("double", (o, v) -> o.writeDouble((Double) v), DataInputStream::readDouble);
  private static final Leaf FLOAT =
      new Leaf("float", (o, v) -> o.writeFloat((Float) v), DataInputStream::readFloat);
  private static final Leaf BOOLEAN =
      new Leaf(
          "boolean",
          (o, v) -> o.writeBoolean((Boolean) v),
          in -> {
            byte b = in.readByte();
            if (b != 0 && b != 1) {
              throw new CorruptEntryException("bad boolean");
            }
            return b == 1;
          });
  private static final Leaf STRING =
      new Leaf(
          "String",
          (o, v) -> {
            byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
            o.writeInt(b.length);
            o.write(b);
          },
          in -> new String(readBytes(in), StandardCharsets.UTF_8));

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = length(in);
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new EOFException();
    }
    return b;
  }

  /** A length read from the bytes, refused when it cannot be one (more than is left). */
  private static int length(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new CorruptEntryException("bad length " + n);
    }
    return n;
  }

  private static final class Builder {
    private final Map<Class<?>, RecordNode> records = new HashMap<>();

    Node node(Type t, String where) {
      if (t instanceof Class<?> c) {
        if (c.isPrimitive()) {
          return primitive(c, where);
        }
        return nullable(reference(c, where));
      }
      if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
        Type[] args = p.getActualTypeArguments();
        if (raw == List.class || raw == Collection.class) {
          return nullable(new ListNode(node(args[0], where + "[]"), false));
        }
        if (raw == Set.class) {
          return nullable(new ListNode(node(args[0], where + "[]"), true));
        }
        if (raw == Optional.class) {
          return nullable(new OptionalNode(node(args[0], where + "?")));
        }
        if (raw == Map.class) {
          return nullable(
              new MapNode(node(args[0], where + "{key}"), node(args[1], where + "{value}")));
        }
      }
      throw unsupported(t.getTypeName(), where);
    }

    private Node primitive(Class<?> c, String where) {
      if (c == int.class) {
        return INT;
      } else if (c == long.class) {
        return LONG;
      } else if (c == boolean.class) {
        return BOOLEAN;
      } else if (c == double.class) {
        return DOUBLE;
      } else if (c == float.class) {
        return FLOAT;
      } else if (c == short.class) {
        return SHORT;
      } else if (c == byte.class) {
        return BYTE;
      } else if (c == char.class) {
        return CHAR;
      }
      throw unsupported(c.getName(), where);
    }

    private Node reference(Class<?> c, String where) {
      if (c == String.class) {
        return STRING;
      } else if (c == Integer.class) {
        return INT;
      } else if (c == Long.class) {
        return LONG;
      } else if (c == Boolean.class) {
        return BOOLEAN;
      } else if (c == Double.class) {
        return DOUBLE;
      } else if (c == Float.class) {
        return FLOAT;
      } else if (c == Short.class) {
        return SHORT;
      } else if (c == Byte.class) {
        return BYTE;
      } else if (c == Character.class) {
        return CHAR;
      } else if (c.isEnum()) {
        return new EnumNode(c);
      } else if (c.isRecord()) {
        return record(c, where);
      } else if (c.isSealed()) {
        Class<?>[] permitted = c.getPermittedSubclasses().clone();
        Arrays.sort(permitted, Comparator.comparing(Class::getName));
        List<Node> alternatives = new ArrayList<>();
        for (Class<?> p : permitted) {
          if (!p.isRecord() && !p.isEnum() && !p.isSealed()) {
            throw unsupported(p.getName() + " (permitted by " + c.getName() + ")", where);
          }
          alternatives.add(reference(p, where + "<" + p.getSimpleName() + ">"));
        }
        return new SealedNode(c, permitted, alternatives);
      }
      throw unsupported(c.getName(), where);
    }

    private Node record(Class<?> c, String where) {
      RecordNode known = records.get(c);
      if (known != null) {
        return known;
      }
      RecordNode n = new RecordNode(c);
      records.put(c, n);
      RecordComponent[] components = c.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      n.names = new String[components.length];
      n.accessors = new MethodHandle[components.length];
      n.parts = new Node[components.length];
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      try {
        for (int i = 0; i < components.length; i++) {
          RecordComponent rc = components[i];
          types[i] = rc.getType();
          n.names[i] = rc.getName();
          var accessor = rc.getAccessor();
          accessor.setAccessible(true);
          n.accessors[i] = lookup.unreflect(accessor);
          n.parts[i] = node(rc.getGenericType(), where + "." + rc.getName());
        }
        Constructor<?> canonical = c.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        n.constructor =
            lookup.unreflectConstructor(canonical).asSpreader(Object[].class, types.length);
      } catch (ReflectiveOperationException | RuntimeException e) {
        if (e instanceof UnsupportedOperationException u) {
          throw u;
        }
        throw unsupported(c.getName() + " (" + e + ")", where);
      }
      return n;
    }

    private static UnsupportedOperationException unsupported(String type, String where) {
      return new UnsupportedOperationException(
          where
              + ": the result cache cannot store "
              + type
              + "; make it a record, enum, String, primitive, List, Set, Map or Optional of"
              + " those, or teach dev.keel.cache.RecordCodec to store it");
    }
  }

  private static final class RecordNode implements Node {
    private final Class<?> type;
    String[] names;
    MethodHandle[] accessors;
    Node[] parts;
    MethodHandle constructor;

    RecordNode(Class<?> type) {
      this.type = type;
    }

    @Override
    public void write(DataOutputStream out, Object v) throws IOException {
      for (int i = 0; i < parts.length; i++) {
        Object part;
        try {
          part = accessors[i].invoke(v);
        } catch (Throwable t) {
          throw new IllegalStateException("cannot read " + type.getName() + "." + names[i], t);
        }
        parts[i].write(out, part);
      }
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      Object[] args = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        args[i] = parts[i].read(in);
      }
      try {
        return constructor.invoke(args);
      } catch (Throwable t) {
        throw new CorruptEntryException("cannot build " + type.getName() + ": " + t);
      }
    }

    @Override
    public void describe(StringBuilder s, java.util.Set<Class<?>> seen) {
      s.append(type.getName());
      if (!seen.add(type)) {
        return;
      }
      s.append('(');
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          s.append(',');
        }
        s.append(names[i]).append(':');
        parts[i].describe(s, seen);
      }
      s.append(')');
    }
  }

  private record EnumNode(Class<?> type) implements Node {
    @Override
    public void write(DataOutputStream out, Object v) throws IOException {
      out.writeInt(((Enum<?>) v).ordinal());
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      Object[] constants = type.getEnumConstants();
      int i = in.readInt();
      if (i < 0 || i >= constants.length) {
        throw new CorruptEntryException("bad constant of " + type.getName());
      }
      return constants[i];
    }

    @Override
    public void describe(StringBuilder s, java.util.Set<Class<?>> seen) {
      s.append(type.getName()).append('{');
      for (Object c : type.getEnumConstants()) {
        s.append(((Enum<?>) c).name()).append(' ');
      }
      s.append('}');
    }
  }

  private record SealedNode(Class<?> type, Class<?>[] permitted, List<Node> alternatives)
      implements Node {
    @Override
    public void write(DataOutputStream out, Object v) throws IOException {
      for (int i = 0; i < permitted.length; i++) {
        if (permitted[i].isInstance(v)) {
          out.writeInt(i);
          alternatives.get(i).write(out, v);
          return;
        }
      }
      throw new IllegalStateException(v.getClass() + " is not permitted by " + type);
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      int i = in.readInt();
      if (i < 0 || i >= permitted.length) {
        throw new CorruptEntryException("bad alternative of " + type.getName());
      }
      return alternatives.get(i).read(in);
    }

    @Override
    public void describe(StringBuilder s, java.util.Set<Class<?>> seen) {
      s.append(type.getName()).append('<');
      for (Node n : alternatives) {
        n.describe(s, seen);
        s.append('|');
      }
      s.append('>');
    }
  }

  private record ListNode(Node element, boolean set) implements Node {
    @Override
    public void write(DataOutputStream out, Object v) throws IOException {
      Collection<?> c = (Collection<?>) v;
      out.writeInt(c.size());
      for (Object e : c) {
        element.write(out, e);
      }
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      int n = length(in);
      if (set) {
        Set<Object> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          out.add(element.read(in));
        }
        return Collections.unmodifiableSet(out);
      }
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(element.read(in));
      }
      return Collections.unmodifiableList(out);
    }

    @Override
    public void describe(StringBuilder s, java.util.Set<Class<?>> seen) {
      s.append(set ? "Set<" : "List<");
      element.describe(s, seen);
      s.append('>');
    }
  }

  private record OptionalNode(Node inner) implements Node {
    @Override
    public void write(DataOutputStream out, Object v) throws IOException {
      Optional<?> o = (Optional<?>) v;
      out.writeBoolean(o.isPresent());
      if (o.isPresent()) {
        inner.write(out, o.get());
      }
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      return in.readBoolean() ? Optional.ofNullable(inner.read(in)) : Optional.empty();
    }

    @Override
    public void describe(StringBuilder s, java.util.Set<Class<?>> seen) {
      s.append("Optional<");
      inner.describe(s, seen);
      s.append('>');
    }
  }

  private record MapNode(Node key, Node value) implements Node {
    @Override
    public void write(DataOutputStream out, Object v) throws IOException {
      Map<?, ?> m = (Map<?, ?>) v;
      out.writeInt(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        key.write(out, e.getKey());
        value.write(out, e.getValue());
      }
    }

    @Override
    public Object read(DataInputStream in) throws IOException {
      int n = length(in);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        Object k = key.read(in);
        out.put(k, value.read(in));
      }
      return Collections.unmodifiableMap(out);
    }

    @Override
    public void describe(StringBuilder s, java.util.Set<Class<?>> seen) {
      s.append("Map<");
      key.describe(s, seen);
      s.append(',');
      value.describe(s, seen);
      s.append('>');
    }
  }
}
