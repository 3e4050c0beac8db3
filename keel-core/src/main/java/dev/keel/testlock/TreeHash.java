package dev.keel.testlock;

import dev.keel.python.ast.ConstantValue;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import dev.keel.python.ast.Stmt;
import dev.keel.python.ast.TextRange;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A hash of a syntax tree that only its meaning changes: positions are left out (so formatting,
 * comments and moving code within the file change nothing), so are the docstrings of functions,
 * classes and modules and the {@code u} prefix of a string; everything else (names, operators,
 * constants by value, decorators, defaults, annotations) is in it. Every node is a record, so the
 * walk reads each record's components in declaration order; a node kind added to the syntax tree is
 * hashed without a change here.
 *
 * <p>SHA-256 of a tagged, length-prefixed encoding, cut to 128 bits (32 hex digits): no two
 * different trees encode alike, and a lock stays short.
 */
final class TreeHash {
  /** The components of each record class except its {@link TextRange}, with their getters. */
  /**
   * A record kind in the encoding: the {@link String#hashCode} of its simple name, which the Java
   * specification fixes, so the same tree hashes alike on every machine and Java version (four
   * bytes per node instead of its name: the hash is most of the lock's time).
   */
  private static final ClassValue<Integer> KIND =
      new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
          return type.getSimpleName().hashCode();
        }
      };

  private static final ClassValue<Component[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
          RecordComponent[] all = type.getRecordComponents();
          java.util.ArrayList<Component> out = new java.util.ArrayList<>();
          for (RecordComponent c : all) {
            if (c.getType() == TextRange.class) {
              continue;
            }
            if (type == Expr.Constant.class && c.getName().equals("kind")) {
              continue; // u"x" is "x"
            }
            try {
              MethodHandle getter = MethodHandles.publicLookup().unreflect(c.getAccessor());
              out.add(new Component(c.getName(), getter));
            } catch (IllegalAccessException e) {
              throw new IllegalStateException("cannot read " + type + "." + c.getName(), e);
            }
          }
          return out.toArray(new Component[0]);
        }
      };

  private record Component(String name, MethodHandle getter) {}

  private final MessageDigest digest;
  private final byte[] buffer = new byte[1 << 12];
  private int at;
  private Set<Node> left = Set.of();

  TreeHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /** The hash of {@code node}. */
  String of(Node node) {
    return of(node, Set.of());
  }

  /**
   * The hash of {@code node} without the nodes in {@code without} (compared by identity): a class
   * without its methods, which are locked one by one, so that moving a method changes nothing.
   */
  String of(Node node, Set<Node> without) {
    left = without;
    at = 0;
    digest.reset();
    node(node);
    flush();
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /** The hash of some text (a settings section, a file that does not parse). */
  static String ofText(String text) {
    TreeHash h = new TreeHash();
    h.digest.reset();
    h.digest.update(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h.digest.digest(), 0, 16);
  }

  /** An identity set, for {@link #of(Node, Set)}. */
  static Set<Node> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private void value(Object v) {
    switch (v) {
      case null -> tag('0');
      case Node n -> node(n);
      case List<?> list -> list(list, false);
      case String s -> string(s);
      case Enum<?> e -> {
        tag('e');
        string(e.name());
      }
      case Integer i -> {
        tag('i');
        integer(i);
      }
      case Boolean b -> tag(b ? 'T' : 'F');
      case ConstantValue c -> constant(c);
      default -> {
        if (v.getClass().isRecord()) {
          record(v);
        } else {
          tag('?');
          string(String.valueOf(v));
        }
      }
    }
  }

  private void node(Node n) {
    record(n);
  }

  private void record(Object r) {
    Class<?> type = r.getClass();
    tag('(');
    integer(KIND.get(type));
    boolean hasDocstring =
        r instanceof Stmt.FunctionDef
            || r instanceof Stmt.AsyncFunctionDef
            || r instanceof Stmt.ClassDef
            || r instanceof dev.keel.python.ast.Mod.Module;
    for (Component c : COMPONENTS.get(type)) {
      Object v;
      try {
        v = c.getter().invoke(r);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + type + "." + c.name(), e);
      }
      if (hasDocstring && c.name().equals("body") && v instanceof List<?> body) {
        list(body, true);
      } else {
        value(v);
      }
    }
    tag(')');
  }

  private void list(List<?> list, boolean dropDocstring) {
    int from = dropDocstring && !list.isEmpty() && isDocstring(list.get(0)) ? 1 : 0;
    tag('[');
    for (int i = from; i < list.size(); i++) {
      Object e = list.get(i);
      if (!left.isEmpty() && e instanceof Node n && left.contains(n)) {
        continue;
      }
      value(e);
    }
    tag(']');
  }

  private static boolean isDocstring(Object first) {
    return first instanceof Stmt.ExprStmt e
        && e.value() instanceof Expr.Constant c
        && c.value() instanceof ConstantValue.Str;
  }

  private void constant(ConstantValue c) {
    switch (c) {
      case ConstantValue.NoneValue n -> tag('N');
      case ConstantValue.Bool b -> tag(b.value() ? 'T' : 'F');
      case ConstantValue.EllipsisValue e -> tag('.');
      case ConstantValue.Int i -> {
        tag('I');
        bytes(i.value().toByteArray());
      }
      case ConstantValue.Float f -> {
        tag('D');
        bytes(BigInteger.valueOf(Double.doubleToLongBits(f.value())).toByteArray());
      }
      case ConstantValue.Complex x -> {
        tag('J');
        bytes(BigInteger.valueOf(Double.doubleToLongBits(x.imag())).toByteArray());
      }
      case ConstantValue.Str s -> {
        tag('S');
        string(s.value());
      }
      case ConstantValue.Bytes b -> {
        tag('B');
        bytes(b.value());
      }
    }
  }

  /**
   * A string as its length in chars, then each char: one byte below 0x80, else 0xFF and its two
   * bytes (0xFF is never a first byte of the one-byte form, so no two strings encode alike).
   */
  private void string(String s) {
    tag('s');
    integer(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      room(3);
      if (ch < 0x80) {
        buffer[at++] = (byte) ch;
      } else {
        buffer[at++] = (byte) 0xFF;
        buffer[at++] = (byte) (ch >>> 8);
        buffer[at++] = (byte) ch;
      }
    }
  }

  private void bytes(byte[] b) {
    integer(b.length);
    for (byte x : b) {
      room(1);
      buffer[at++] = x;
    }
  }

  private void integer(int v) {
    room(4);
    buffer[at++] = (byte) (v >>> 24);
    buffer[at++] = (byte) (v >>> 16);
    buffer[at++] = (byte) (v >>> 8);
    buffer[at++] = (byte) v;
  }

  private void tag(char c) {
    room(1);
    buffer[at++] = (byte) c;
  }

  private void room(int n) {
    if (at + n > buffer.length) {
      flush();
    }
  }

  private void flush() {
    digest.update(buffer, 0, at);
    at = 0;
  }
}
