package dev.keel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way Keel opens a file whose name comes from a repository (Python sources, {@code
 * .gitignore}, {@code pyproject.toml}, requirements, {@code .env}, the baseline…). A pull request
 * decides what those names are, so before anything is opened:
 *
 * <ul>
 *   <li>the real location (every link resolved) must be inside the project root, and never under
 *       {@code /proc}, {@code /dev} or {@code /sys}: a committed {@code env.py ->
 *       /proc/self/environ} would otherwise print a CI job's secrets as source lines;
 *   <li>it must be a regular file, checked on the resolved path without following links: opening a
 *       FIFO waits for a writer forever, and a device such as {@code /dev/zero} never ends;
 *   <li>it must not be larger than the limit ({@code max-file-size}).
 * </ul>
 *
 * A file that fails one of these, or that cannot be read (a dangling link, no permission), is a
 * {@link Skip} that says why in a sentence naming the file, never its target's contents. Running
 * out of file descriptors is retried for a while, then is a skip too: never a file silently read as
 * empty.
 */
public final class ConfinedReader {
  /** The default {@code max-file-size}: 10 MB. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  private static final List<Path> SYSTEM =
      List.of(Path.of("/proc"), Path.of("/dev"), Path.of("/sys"));

  /** Why a file was not read. */
  public enum Reason {
    /** A link (or a folder on the way) leads out of the project, or into /proc, /dev, /sys. */
    OUTSIDE,
    /** A FIFO, socket, device or folder where a file was expected. */
    NOT_REGULAR,
    /** Larger than the limit. */
    TOO_LARGE,
    /** A dangling link, no permission, too many open files, a path too long. */
    UNREADABLE
  }

  /**
   * A file that was not read.
   *
   * @param message a sentence naming the file as shown to the user, e.g. "env.py is a symbolic link
   *     to a location outside the project; Keel does not read it"
   */
  public record Skip(Reason reason, String message) {}

  /** What a read gave: the bytes, or why there are none. */
  public sealed interface Outcome permits Bytes, Skipped {}

  /** The whole content of the file. */
  public record Bytes(byte[] bytes) implements Outcome {}

  /** The file was not read. */
  public record Skipped(Skip skip) implements Outcome {}

  private final Path root;
  private final long maxBytes;

  /**
   * @param root the folder files must really be in; {@code null} for a file the user named on the
   *     command line, which is read wherever it points (still only if regular and small enough)
   */
  public ConfinedReader(Path root, long maxBytes) {
    this.root = root == null ? null : realOrNormal(root);
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Checks {@code file} without opening it.
   *
   * @param shown the name to use in the message (relative to the project root)
   */
  public Optional<Skip> check(Path file, String shown) {
    return resolve(file, shown).skip();
  }

  /** Reads {@code file} whole, or says why not. */
  public Outcome read(Path file, String shown) {
    Resolved r = resolve(file, shown);
    if (r.skip().isPresent()) {
      return new Skipped(r.skip().get());
    }
    for (int attempt = 0; ; attempt++) {
      try {
        return readAtMost(r.real(), shown);
      } catch (AccessDeniedException e) {
        return unreadable(shown, "permission denied");
      } catch (NoSuchFileException e) {
        return unreadable(shown, "it was removed while Keel ran");
      } catch (IOException e) {
        if (isTooManyOpenFiles(e) && attempt < 40) {
          pause(attempt);
          continue;
        }
        return unreadable(shown, why(e));
      }
    }
  }

  /** Reads {@code file} whole; a skip is an {@link IOException} whose message is the sentence. */
  public byte[] readOrThrow(Path file, String shown) throws IOException {
    return switch (read(file, shown)) {
      case Bytes b -> b.bytes();
      case Skipped s -> throw new FileSystemException(s.skip().message());
    };
  }

  private record Resolved(Path real, Optional<Skip> skip) {}

  private Resolved resolve(Path file, String shown) {
    BasicFileAttributes own;
    try {
      own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return skip(Reason.UNREADABLE, shown + " does not exist; Keel skips it");
    } catch (IOException e) {
      return skip(Reason.UNREADABLE, shown + " cannot be read (" + why(e) + "); Keel skips it");
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      return skip(
          Reason.UNREADABLE,
          shown + " is a symbolic link to a file that does not exist; Keel skips it");
    } catch (IOException e) {
      String what =
          own.isSymbolicLink()
              ? " is a symbolic link that cannot be followed ("
              : " cannot be resolved (";
      return skip(Reason.UNREADABLE, shown + what + why(e) + "); Keel skips it");
    }
    String kind = own.isSymbolicLink() ? " is a symbolic link to " : " is in a folder linked to ";
    for (Path s : SYSTEM) {
      if (real.startsWith(s)) {
        return skip(
            Reason.OUTSIDE, shown + kind + "a system location (" + s + "); Keel does not read it");
      }
    }
    if (root != null && !real.startsWith(root)) {
      return skip(
          Reason.OUTSIDE, shown + kind + "a location outside the project; Keel does not read it");
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return skip(Reason.UNREADABLE, shown + " cannot be read (" + why(e) + "); Keel skips it");
    }
    if (!attrs.isRegularFile()) {
      return skip(
          Reason.NOT_REGULAR,
          shown + " is " + typeOf(real, attrs) + ", not a regular file; Keel does not read it");
    }
    if (attrs.size() > maxBytes) {
      return skip(
          Reason.TOO_LARGE,
          shown
              + " is "
              + size(attrs.size())
              + ", more than max-file-size ("
              + size(maxBytes)
              + "); Keel skipped it");
    }
    return new Resolved(real, Optional.empty());
  }

  private Outcome readAtMost(Path real, String shown) throws IOException {
    // NOFOLLOW: a link put in place since the check is not followed.
    try (SeekableByteChannel ch =
            Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        InputStream in = Channels.newInputStream(ch)) {
      long size = ch.size();
      if (size > maxBytes) {
        return tooLarge(shown, size);
      }
      // The size may change under us: read at most one byte more than the limit, and say so.
      byte[] buf = new byte[(int) Math.min(Math.max(size, 8192), maxBytes + 1)];
      int n = 0;
      while (true) {
        if (n == buf.length) {
          if (buf.length > maxBytes) {
            return tooLarge(shown, n);
          }
          buf = Arrays.copyOf(buf, (int) Math.min(maxBytes + 1, 2L * buf.length));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      if (n > maxBytes) {
        return tooLarge(shown, n);
      }
      return new Bytes(n == buf.length ? buf : Arrays.copyOf(buf, n));
    }
  }

  private Outcome tooLarge(String shown, long size) {
    return new Skipped(
        new Skip(
            Reason.TOO_LARGE,
            shown
                + " is "
                + size(size)
                + ", more than max-file-size ("
                + size(maxBytes)
                + "); Keel skipped it"));
  }

  private static Outcome unreadable(String shown, String why) {
    return new Skipped(
        new Skip(Reason.UNREADABLE, shown + " cannot be read (" + why + "); Keel skips it"));
  }

  private static Resolved skip(Reason reason, String message) {
    return new Resolved(null, Optional.of(new Skip(reason, message)));
  }

  /** "a FIFO", "a socket", "a device", "a folder" from the file mode. */
  private static String typeOf(Path real, BasicFileAttributes attrs) {
    if (attrs.isDirectory()) {
      return "a folder";
    }
    try {
      int mode = (Integer) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO";
        case 0140000 -> "a socket";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a FIFO, socket or device";
    }
  }

  /** Sizes as people write them: 10 MB, 512 KB, 300 bytes (1 KB = 1,024 bytes). */
  public static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    if (bytes >= 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return bytes + (bytes == 1 ? " byte" : " bytes");
  }

  /**
   * Parses a size: a number of bytes, or a number followed by B, KB, MB or GB (also KiB, MiB, GiB;
   * 1 KB = 1,024 bytes), case and a space between ignored.
   *
   * @return empty if {@code text} is not a size, or is zero or negative
   */
  public static Optional<Long> parseSize(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    long unit = 1;
    for (String[] u :
        new String[][] {
          {"KIB", "1024"},
          {"MIB", "1048576"},
          {"GIB", "1073741824"},
          {"KB", "1024"},
          {"MB", "1048576"},
          {"GB", "1073741824"},
          {"K", "1024"},
          {"M", "1048576"},
          {"G", "1073741824"},
          {"B", "1"}
        }) {
      if (t.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        t = t.substring(0, t.length() - u[0].length());
        break;
      }
    }
    if (t.isEmpty() || t.length() > 15 || !t.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    long n = Long.parseLong(t);
    if (n <= 0 || n > Long.MAX_VALUE / unit) {
      return Optional.empty();
    }
    // Larger than what one Java array holds is no limit at all: cap it there.
    return Optional.of(Math.min(n * unit, Integer.MAX_VALUE - 16L));
  }

  public static boolean isTooManyOpenFiles(IOException e) {
    String m = e.getMessage();
    return m != null && m.contains("Too many open files");
  }

  /** Waits a little before trying again, longer each attempt. */
  public static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(200, 5L << Math.min(attempt, 5)));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  private static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      String r = fse.getReason();
      if (isTooManyOpenFiles(e)) {
        return "too many open files: raise the limit with ulimit -n";
      }
      return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }
    return String.valueOf(e.getMessage());
  }

  private static Path realOrNormal(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
