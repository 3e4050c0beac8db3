package dev.keel.history;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The provider behind {@link TreeFileSystem}: reads only, every write is refused. */
final class TreeProvider extends FileSystemProvider {
  @Override
  public String getScheme() {
    return "keel-git";
  }

  @Override
  public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
    throw new UnsupportedOperationException("open a tree with TreeFileSystem.of");
  }

  @Override
  public FileSystem getFileSystem(URI uri) {
    throw new UnsupportedOperationException("open a tree with TreeFileSystem.of");
  }

  @Override
  public Path getPath(URI uri) {
    throw new UnsupportedOperationException("open a tree with TreeFileSystem.of");
  }

  private static TreePath tree(Path p) {
    if (!(p instanceof TreePath t)) {
      throw new ProviderMismatchException();
    }
    return (TreePath) t.toAbsolutePath().normalize();
  }

  private static TreeFileSystem fs(Path p) {
    return (TreeFileSystem) tree(p).getFileSystem();
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    for (OpenOption o : options) {
      if (o == StandardOpenOption.WRITE
          || o == StandardOpenOption.APPEND
          || o == StandardOpenOption.CREATE
          || o == StandardOpenOption.CREATE_NEW
          || o == StandardOpenOption.DELETE_ON_CLOSE) {
        throw readOnly(path);
      }
    }
    TreePath t = tree(path);
    if (options.contains(LinkOption.NOFOLLOW_LINKS)
        && fs(t).attributes(t, LinkOption.NOFOLLOW_LINKS).isSymbolicLink()) {
      throw new java.nio.file.FileSystemException(
          path.toString(), null, "Too many levels of symbolic links");
    }
    return new BytesChannel(fs(t).read(t));
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
    // Entries keep the form of the folder they are listed from (relative stays relative).
    TreePath t = (TreePath) dir;
    return fs(t).directory(t, filter);
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    throw readOnly(dir);
  }

  @Override
  public void delete(Path path) throws IOException {
    throw readOnly(path);
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) throws IOException {
    throw readOnly(target);
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) throws IOException {
    throw readOnly(target);
  }

  @Override
  public boolean isSameFile(Path path, Path path2) throws IOException {
    return path.toRealPath().equals(path2.toRealPath());
  }

  @Override
  public boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  @Override
  public FileStore getFileStore(Path path) {
    throw new UnsupportedOperationException("a git tree has no file store");
  }

  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    TreePath t = tree(path);
    fs(t).checkAccess(t, modes);
  }

  @Override
  public Path readSymbolicLink(Path link) throws IOException {
    TreePath t = tree(link);
    return fs(t).readLink(t);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V extends FileAttributeView> V getFileAttributeView(
      Path path, Class<V> type, LinkOption... options) {
    if (type != BasicFileAttributeView.class) {
      return null;
    }
    TreePath t = tree(path);
    return (V)
        new BasicFileAttributeView() {
          @Override
          public String name() {
            return "basic";
          }

          @Override
          public BasicFileAttributes readAttributes() throws IOException {
            return fs(t).attributes(t, options);
          }

          @Override
          public void setTimes(FileTime m, FileTime a, FileTime c) throws IOException {
            throw readOnly(t);
          }
        };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A extends BasicFileAttributes> A readAttributes(
      Path path, Class<A> type, LinkOption... options) throws IOException {
    if (type != BasicFileAttributes.class) {
      throw new UnsupportedOperationException("a git tree has only basic attributes");
    }
    TreePath t = tree(path);
    return (A) fs(t).attributes(t, options);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    String view = attributes.contains(":") ? attributes.substring(0, attributes.indexOf(':')) : "";
    if (!view.isEmpty() && !view.equals("basic")) {
      throw new UnsupportedOperationException("a git tree has only basic attributes");
    }
    BasicFileAttributes a = readAttributes(path, BasicFileAttributes.class, options);
    Map<String, Object> out = new HashMap<>();
    out.put("size", a.size());
    out.put("isRegularFile", a.isRegularFile());
    out.put("isDirectory", a.isDirectory());
    out.put("isSymbolicLink", a.isSymbolicLink());
    out.put("isOther", a.isOther());
    out.put("lastModifiedTime", a.lastModifiedTime());
    out.put("lastAccessTime", a.lastAccessTime());
    out.put("creationTime", a.creationTime());
    out.put("fileKey", a.fileKey());
    return out;
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
      throws IOException {
    throw readOnly(path);
  }

  private static AccessDeniedException readOnly(Path path) {
    return new AccessDeniedException(String.valueOf(path), null, "a git tree is read-only");
  }

  /** A read-only channel over a blob's bytes. */
  private static final class BytesChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private long position;
    private boolean open = true;

    BytesChannel(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), bytes.length - position);
      dst.put(bytes, (int) position, n);
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      position = newPosition;
      return this;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
