package dev.keel.history;

import java.io.IOException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * One commit's tree as a read-only file system: folders are trees, files are blobs read from the
 * object database when they are opened, links are symbolic links. Nothing is checked out or
 * written; every path Keel's discovery and readers use works on it as on the work tree, so a past
 * commit goes through the same pipeline. Submodules are empty folders, as in a fresh clone.
 */
public final class TreeFileSystem extends FileSystem {
  /** An entry of the tree. */
  private record Node(String name, FileMode mode, ObjectId id) {
    boolean isFolder() {
      return mode == FileMode.TREE || mode == FileMode.GITLINK;
    }

    boolean isLink() {
      return mode == FileMode.SYMLINK;
    }
  }

  private static final Node ROOT = new Node("", FileMode.TREE, ObjectId.zeroId());

  private final TreeProvider provider = new TreeProvider();
  private final Repository repository;
  private final String label;
  private final Map<String, TreeMap<String, Node>> folders = new HashMap<>();
  private final Map<ObjectId, Long> sizes = new ConcurrentHashMap<>();
  private final TreePath root = new TreePath(this, true, new String[0]);
  private volatile boolean open = true;

  private TreeFileSystem(Repository repository, String label) {
    this.repository = repository;
    this.label = label;
    folders.put("", new TreeMap<>());
  }

  /**
   * The tree {@code tree} of {@code repository}; {@code label} names it in messages (a short sha).
   */
  public static TreeFileSystem of(Repository repository, RevTree tree, String label)
      throws IOException {
    TreeFileSystem fs = new TreeFileSystem(repository, label);
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(false);
      while (walk.next()) {
        String path = walk.getPathString();
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        FileMode mode = walk.getFileMode(0);
        Node node = new Node(name, mode, walk.getObjectId(0));
        fs.folders.computeIfAbsent(parent, k -> new TreeMap<>()).put(name, node);
        if (mode == FileMode.TREE) {
          fs.folders.computeIfAbsent(path, k -> new TreeMap<>());
          walk.enterSubtree();
        } else if (mode == FileMode.GITLINK) {
          fs.folders.computeIfAbsent(path, k -> new TreeMap<>());
        }
      }
    }
    return fs;
  }

  /** The tree's root folder: audit {@code root().resolve("sub")} for a project in a subfolder. */
  public Path root() {
    return root;
  }

  @Override
  public FileSystemProvider provider() {
    return provider;
  }

  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  @Override
  public String getSeparator() {
    return "/";
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    return List.of(root);
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return List.of();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return Set.of("basic");
  }

  @Override
  public Path getPath(String first, String... more) {
    StringBuilder b = new StringBuilder(first);
    for (String m : more) {
      b.append('/').append(m);
    }
    return TreePath.parse(this, b.toString());
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    PathMatcher plain = java.nio.file.FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
    return p -> plain.matches(Path.of(p.toString()));
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    throw new UnsupportedOperationException("a git tree has no users");
  }

  @Override
  public WatchService newWatchService() {
    throw new UnsupportedOperationException("a git tree does not change");
  }

  @Override
  public String toString() {
    return "git tree " + label;
  }

  // --- what the provider asks of the tree ---

  private static final int MAX_LINKS = 40;

  /**
   * The node at {@code path} (absolute, normalised); links followed on the way and, if asked, last.
   */
  private Node node(TreePath path, boolean followLast) throws IOException {
    return locate(path, followLast, 0).node();
  }

  private record Located(String key, Node node) {}

  private Located locate(TreePath path, boolean followLast, int hops) throws IOException {
    if (hops > MAX_LINKS) {
      throw new FileSystemException(path.toString(), null, "Too many levels of symbolic links");
    }
    String[] names = path.names();
    StringBuilder at = new StringBuilder();
    Node node = ROOT;
    for (int i = 0; i < names.length; i++) {
      TreeMap<String, Node> children = folders.get(at.toString());
      if (children == null || !node.isFolder()) {
        throw new NoSuchFileException(path.toString());
      }
      Node next = children.get(names[i]);
      if (next == null) {
        throw new NoSuchFileException(path.toString());
      }
      boolean last = i == names.length - 1;
      if (next.isLink() && (!last || followLast)) {
        String target = new String(bytes(next), java.nio.charset.StandardCharsets.UTF_8);
        TreePath base = (TreePath) TreePath.parse(this, "/" + at).toAbsolutePath();
        TreePath resolved = (TreePath) base.resolve(TreePath.parse(this, target)).normalize();
        if (target.startsWith("/")) {
          // An absolute link leads out of the tree: there is nothing there to read.
          throw new NoSuchFileException(path.toString(), null, "link out of the tree");
        }
        Located l = locate(resolved, true, hops + 1);
        StringBuilder rest = new StringBuilder(l.key());
        for (int j = i + 1; j < names.length; j++) {
          rest.append(rest.isEmpty() ? "" : "/").append(names[j]);
        }
        if (last) {
          return l;
        }
        return locate(TreePath.parse(this, "/" + rest), followLast, hops + 1);
      }
      if (!at.isEmpty()) {
        at.append('/');
      }
      at.append(names[i]);
      node = next;
    }
    return new Located(at.toString(), node);
  }

  TreePath realPath(TreePath path, LinkOption... options) throws IOException {
    boolean follow = !List.of(options).contains(LinkOption.NOFOLLOW_LINKS);
    Located l = locate(path, follow, 0);
    return TreePath.parse(this, "/" + l.key());
  }

  byte[] read(TreePath path) throws IOException {
    Node n = node(path, true);
    if (n.isFolder()) {
      throw new FileSystemException(path.toString(), null, "Is a directory");
    }
    return bytes(n);
  }

  private byte[] bytes(Node n) throws IOException {
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.open(n.id(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE - 16);
    } catch (MissingObjectException e) {
      throw new NoSuchFileException(n.name(), null, "blob " + n.id().name() + " is missing");
    }
  }

  private long size(Node n) throws IOException {
    if (n.isFolder()) {
      return 0;
    }
    Long known = sizes.get(n.id());
    if (known != null) {
      return known;
    }
    try (ObjectReader reader = repository.newObjectReader()) {
      long s = reader.getObjectSize(n.id(), Constants.OBJ_BLOB);
      sizes.put(n.id(), s);
      return s;
    }
  }

  List<Path> list(TreePath dir) throws IOException {
    Located l = locate((TreePath) dir.toAbsolutePath().normalize(), true, 0);
    if (!l.node().isFolder()) {
      throw new NotDirectoryException(dir.toString());
    }
    List<Path> out = new ArrayList<>();
    for (String name : folders.getOrDefault(l.key(), new TreeMap<>()).keySet()) {
      out.add(dir.resolve(name));
    }
    return out;
  }

  BasicFileAttributes attributes(TreePath path, LinkOption... options) throws IOException {
    boolean follow = !List.of(options).contains(LinkOption.NOFOLLOW_LINKS);
    Node n = node(path, follow);
    long size = size(n);
    FileTime epoch = FileTime.fromMillis(0);
    return new BasicFileAttributes() {
      @Override
      public FileTime lastModifiedTime() {
        return epoch;
      }

      @Override
      public FileTime lastAccessTime() {
        return epoch;
      }

      @Override
      public FileTime creationTime() {
        return epoch;
      }

      @Override
      public boolean isRegularFile() {
        return !n.isFolder() && !n.isLink();
      }

      @Override
      public boolean isDirectory() {
        return n.isFolder();
      }

      @Override
      public boolean isSymbolicLink() {
        return n.isLink();
      }

      @Override
      public boolean isOther() {
        return false;
      }

      @Override
      public long size() {
        return size;
      }

      @Override
      public Object fileKey() {
        return n.id();
      }
    };
  }

  void checkAccess(TreePath path, AccessMode... modes) throws IOException {
    node(path, true);
    for (AccessMode m : modes) {
      if (m == AccessMode.WRITE) {
        throw new java.nio.file.AccessDeniedException(path.toString(), null, "read-only git tree");
      }
    }
  }

  Path readLink(TreePath path) throws IOException {
    Node n = node(path, false);
    if (!n.isLink()) {
      throw new java.nio.file.NotLinkException(path.toString());
    }
    return TreePath.parse(this, new String(bytes(n), java.nio.charset.StandardCharsets.UTF_8));
  }

  DirectoryStream<Path> directory(TreePath dir, DirectoryStream.Filter<? super Path> filter)
      throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path p : list(dir)) {
      if (filter == null || filter.accept(p)) {
        all.add(p);
      }
    }
    return new DirectoryStream<>() {
      @Override
      public java.util.Iterator<Path> iterator() {
        return all.iterator();
      }

      @Override
      public void close() {}
    };
  }
}
