package dev.keel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader, a crash, a {@code kill -9} or a full disk never leaves it half
 * written: the bytes go to a temporary file in the same folder, are forced to the disk, and the
 * temporary file is renamed over the old one in one step. On any failure the temporary file is
 * deleted and the old file is untouched. The old file's permissions are kept.
 *
 * <p>A symbolic link is written through: its target is replaced and the link stays. {@link
 * #writeInside} refuses a file whose real location (through links, of the file or its folders) is
 * outside a folder: for files whose name comes from the repository (a committed link {@code
 * .keel-baseline.json -> ~/.bashrc} must not make Keel overwrite the user's files), while a path
 * the user gave on the command line is written wherever it points.
 *
 * <p>Test hook: when the system property {@code keel.test.pauseMidWrite} names a file, the write
 * stops after half the bytes are in the temporary file, creates that file and waits to be killed
 * (the tests kill the process there and check the old file).
 */
public final class AtomicFile {
  private static final String PAUSE_HOOK = "keel.test.pauseMidWrite";

  private AtomicFile() {}

  /**
   * The file a write to {@code file} replaces: {@code file} itself, or, for a symbolic link, the
   * file it points at (which may not exist yet), with every link and {@code ..} resolved.
   */
  public static Path destination(Path file) throws IOException {
    Path at = file.toAbsolutePath().normalize();
    for (int hops = 0; Files.isSymbolicLink(at); hops++) {
      if (hops == 40) {
        throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
      }
      at = at.getParent().resolve(Files.readSymbolicLink(at)).normalize();
    }
    Path parent = at.getParent();
    return parent == null ? at : parent.toRealPath().resolve(at.getFileName());
  }

  /**
   * Throws unless {@code file} really is inside {@code folder} (see {@link #destination}). For a
   * file whose name comes from the repository, checked before it is read or written.
   */
  public static void requireInside(Path folder, Path file) throws IOException {
    Path target = destination(file);
    Path inside = folder.toAbsolutePath().normalize();
    try {
      inside = inside.toRealPath();
    } catch (IOException e) {
      // A folder that cannot be resolved is compared as given.
    }
    if (!target.startsWith(inside)) {
      throw new FileSystemException(
          file.toString(),
          null,
          (Files.isSymbolicLink(file)
                  ? "it is a symbolic link to "
                  : "it is outside the project, at ")
              + target
              + "; Keel does not replace files outside the project");
    }
  }

  /** Replaces {@code file} (or the file its link points at) with {@code content}, atomically. */
  public static void write(Path file, byte[] content) throws IOException {
    replace(file, destination(file), content);
  }

  /** As {@link #write}, but only when the file really is inside {@code folder}. */
  public static void writeInside(Path folder, Path file, byte[] content) throws IOException {
    requireInside(folder, file);
    write(file, content);
  }

  private static void replace(Path file, Path target, byte[] content) throws IOException {
    Path dir = target.getParent();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileSystemException(file.toString(), null, "not a regular file");
    }
    Path tmp =
        dir.resolve(
            "."
                + target.getFileName()
                + ".keel-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
    boolean moved = false;
    try {
      // No permissions asked for: a new file gets the usual ones (the umask decides), like any
      // file the user's editor writes; an existing file's are copied below.
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        String pause = System.getProperty(PAUSE_HOOK);
        if (pause != null) {
          buf.limit(content.length / 2);
          writeAll(ch, buf);
          ch.force(true);
          Files.createFile(Path.of(pause));
          pauseForever();
          buf.limit(content.length);
        }
        writeAll(ch, buf);
        ch.force(true);
      }
      keepPermissions(target, tmp);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Same folder, so this only happens on odd file systems; a plain replace is the best left.
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      syncFolder(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** What went wrong, in words, without the path the caller already names. */
  public static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  private static void writeAll(FileChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  private static void keepPermissions(Path old, Path tmp) throws IOException {
    if (!Files.isRegularFile(old)) {
      return;
    }
    PosixFileAttributeView from = Files.getFileAttributeView(old, PosixFileAttributeView.class);
    PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (from != null && to != null) {
      to.setPermissions(from.readAttributes().permissions());
    }
  }

  /** Makes the rename itself durable; a file system that cannot open a folder is left alone. */
  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The new file is complete either way; only its survival of a power cut is less certain.
    }
  }

  private static void pauseForever() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
