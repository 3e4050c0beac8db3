package dev.keel.history;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path in a {@link TreeFileSystem}: {@code /}-separated names, absolute when it starts with
 * {@code /} (the tree's root). Immutable; compared by its text.
 */
final class TreePath implements Path {
  private final TreeFileSystem fs;
  private final boolean absolute;
  private final String[] names;

  TreePath(TreeFileSystem fs, boolean absolute, String[] names) {
    this.fs = fs;
    this.absolute = absolute;
    this.names = names;
  }

  static TreePath parse(TreeFileSystem fs, String text) {
    boolean abs = text.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String p : text.split("/")) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return new TreePath(fs, abs, parts.toArray(String[]::new));
  }

  /** The names from the root, for an absolute normalised path. */
  String[] names() {
    return names;
  }

  /** The path's text relative to the tree root, without a leading slash ("" for the root). */
  String key() {
    return String.join("/", names);
  }

  @Override
  public FileSystem getFileSystem() {
    return fs;
  }

  @Override
  public boolean isAbsolute() {
    return absolute;
  }

  @Override
  public Path getRoot() {
    return absolute ? new TreePath(fs, true, new String[0]) : null;
  }

  @Override
  public Path getFileName() {
    return names.length == 0
        ? null
        : new TreePath(fs, false, new String[] {names[names.length - 1]});
  }

  @Override
  public Path getParent() {
    if (names.length == 0 || (names.length == 1 && !absolute)) {
      return null;
    }
    return new TreePath(fs, absolute, Arrays.copyOf(names, names.length - 1));
  }

  @Override
  public int getNameCount() {
    return names.length;
  }

  @Override
  public Path getName(int index) {
    return new TreePath(fs, false, new String[] {names[index]});
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    return new TreePath(fs, false, Arrays.copyOfRange(names, beginIndex, endIndex));
  }

  @Override
  public boolean startsWith(Path other) {
    if (!(other instanceof TreePath o) || o.fs != fs || o.absolute != absolute) {
      return false;
    }
    if (o.names.length > names.length) {
      return false;
    }
    for (int i = 0; i < o.names.length; i++) {
      if (!o.names[i].equals(names[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean endsWith(Path other) {
    if (!(other instanceof TreePath o) || o.fs != fs) {
      return false;
    }
    if (o.absolute) {
      return equals(o);
    }
    if (o.names.length > names.length) {
      return false;
    }
    int off = names.length - o.names.length;
    for (int i = 0; i < o.names.length; i++) {
      if (!o.names[i].equals(names[off + i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Path normalize() {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n.equals(".")) {
        continue;
      }
      if (n.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
          continue;
        }
        if (absolute) {
          continue; // above the root is the root
        }
      }
      out.add(n);
    }
    return new TreePath(fs, absolute, out.toArray(String[]::new));
  }

  @Override
  public Path resolve(Path other) {
    TreePath o = cast(other);
    if (o.absolute) {
      return o;
    }
    if (o.names.length == 0) {
      return this;
    }
    String[] all = Arrays.copyOf(names, names.length + o.names.length);
    System.arraycopy(o.names, 0, all, names.length, o.names.length);
    return new TreePath(fs, absolute, all);
  }

  @Override
  public Path resolve(String other) {
    return resolve(parse(fs, other));
  }

  @Override
  public Path relativize(Path other) {
    TreePath o = cast(other);
    if (o.absolute != absolute) {
      throw new IllegalArgumentException("'other' is different type of Path");
    }
    int common = 0;
    while (common < names.length
        && common < o.names.length
        && names[common].equals(o.names[common])) {
      common++;
    }
    List<String> out = new ArrayList<>();
    for (int i = common; i < names.length; i++) {
      out.add("..");
    }
    out.addAll(Arrays.asList(o.names).subList(common, o.names.length));
    return new TreePath(fs, false, out.toArray(String[]::new));
  }

  @Override
  public URI toUri() {
    return URI.create(fs.provider().getScheme() + ":" + toAbsolutePath());
  }

  @Override
  public Path toAbsolutePath() {
    return absolute ? this : new TreePath(fs, true, names);
  }

  @Override
  public Path toRealPath(LinkOption... options) throws IOException {
    return fs.realPath((TreePath) toAbsolutePath().normalize(), options);
  }

  @Override
  public WatchKey register(
      WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
    throw new UnsupportedOperationException("a git tree does not change");
  }

  @Override
  public int compareTo(Path other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreePath p
        && p.fs == fs
        && p.absolute == absolute
        && Arrays.equals(p.names, names);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(names) * 31 + (absolute ? 1 : 0);
  }

  @Override
  public String toString() {
    String joined = String.join("/", names);
    return absolute ? "/" + joined : joined;
  }

  private TreePath cast(Path other) {
    if (!(other instanceof TreePath o) || o.fs != fs) {
      throw new ProviderMismatchException();
    }
    return o;
  }
}
