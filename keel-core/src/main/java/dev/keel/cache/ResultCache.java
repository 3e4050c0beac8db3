package dev.keel.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32C;

/**
 * Per-file results on disk, one small file per entry under a folder ({@code .keel_cache/} at the
 * project root unless the user names another). An entry's name is the SHA-256 of everything its
 * result depends on: the cache format, Keel's build, the shape of the stored record ({@link
 * RecordCodec#schema}), the run's settings, the file's own settings and the file's bytes. So a
 * changed file, a changed setting or another build of Keel looks for another name, and nothing is
 * ever invalidated in place.
 *
 * <p>An entry is written to a temporary file in its folder and renamed over the name in one step,
 * so a reader sees a whole entry or none, and two runs at once at worst both write the same bytes.
 * It is not forced to the disk: a lost entry costs one analysis. Each entry holds its own key and a
 * CRC-32C of its payload; one that is truncated, altered, of another format or that does not decode
 * is a miss and is rewritten by the run that missed it, never trusted and never an error. Nothing
 * here throws on a failing disk: the cache is then simply not used for that entry.
 *
 * <p>A hit refreshes the entry's modification time (at most once a day); {@link #prune} deletes
 * entries untouched for {@link #MAX_AGE}, once a day, so a folder a CI job persists stays the size
 * of what the project uses.
 *
 * @param <T> the stored record
 */
public final class ResultCache<T extends Record> {
  /** Entries not used for this long are deleted by {@link #prune}. */
  public static final Duration MAX_AGE = Duration.ofDays(30);

  /** Changes when the layout of an entry file changes. */
  static final int FORMAT = 1;

  private static final byte[] MAGIC = "KEELRC".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 1 + 32 + 4 + 8;
  private static final Duration TOUCH_AFTER = Duration.ofDays(1);
  private static final String PRUNED_MARKER = "last-pruned";

  private final Path dir;
  private final RecordCodec<T> codec;
  private final MessageDigest prefix;
  private final ConcurrentHashMap<String, Boolean> folders = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder failedWrites = new LongAdder();

  private ResultCache(Path dir, RecordCodec<T> codec, MessageDigest prefix) {
    this.dir = dir;
    this.codec = codec;
    this.prefix = prefix;
  }

  /**
   * The cache in {@code dir} (created with a {@code .gitignore} of {@code *} and a {@code
   * CACHEDIR.TAG} when missing), or empty when the folder cannot be made or is not a plain folder
   * (a symbolic link, a file): a run without a cache, never an error.
   *
   * @param build what identifies the code computing the results (Keel's version and build)
   * @param settings the run's settings that change a file's result, as canonical text
   */
  public static <T extends Record> Optional<ResultCache<T>> open(
      Path dir, RecordCodec<T> codec, String build, String settings) {
    try {
      if (Files.isSymbolicLink(dir)) {
        return Optional.empty();
      }
      Files.createDirectories(dir);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      createIfMissing(dir.resolve(".gitignore"), "# Written by keel: its result cache.\n*\n");
      createIfMissing(
          dir.resolve("CACHEDIR.TAG"),
          "Signature: 8a477f597d28d172789f06886806bc55\n"
              + "# This file is a cache directory tag created by keel.\n"
              + "# For information about cache directory tags see https://bford.info/cachedir/\n");
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    MessageDigest md = sha256();
    md.update(("keel-result-cache/" + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
    for (String part : new String[] {build, codec.schema(), settings}) {
      byte[] b = part.getBytes(StandardCharsets.UTF_8);
      md.update(ByteBuffer.allocate(4).putInt(b.length).array());
      md.update(b);
    }
    return Optional.of(new ResultCache<>(dir, codec, md));
  }

  private static void createIfMissing(Path file, String content) throws IOException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.writeString(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException raced) {
      // Another run made it first.
    }
  }

  /** The folder of the entries. */
  public Path folder() {
    return dir;
  }

  /** The key of one file's result: its own settings (path, kind, module...) and its bytes. */
  public Key key(String fileSettings, byte[] content) {
    MessageDigest md;
    try {
      md = (MessageDigest) prefix.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    byte[] s = fileSettings.getBytes(StandardCharsets.UTF_8);
    md.update(ByteBuffer.allocate(4).putInt(s.length).array());
    md.update(s);
    md.update(content);
    return new Key(md.digest());
  }

  /** What an entry is found by: a SHA-256. */
  public record Key(byte[] bytes) {
    public Key {
      bytes = bytes.clone();
    }

    String hex() {
      return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return hex();
    }
  }

  private Path entry(Key key) {
    String hex = key.hex();
    return dir.resolve(hex.substring(0, 2)).resolve(hex.substring(2));
  }

  /** The stored result of {@code key}, or empty when there is none or it cannot be trusted. */
  public Optional<T> get(Key key) {
    Path file = entry(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      misses.increment();
      return Optional.empty();
    } catch (IOException | SecurityException | OutOfMemoryError e) {
      rejected.increment();
      return Optional.empty();
    }
    Optional<T> value = parse(key, bytes);
    if (value.isEmpty()) {
      rejected.increment();
      return value;
    }
    hits.increment();
    touch(file);
    return value;
  }

  private Optional<T> parse(Key key, byte[] bytes) {
    if (bytes.length < HEADER) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    byte[] magic = new byte[MAGIC.length];
    b.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC) || b.get() != FORMAT) {
      return Optional.empty();
    }
    byte[] stored = new byte[32];
    b.get(stored);
    if (!java.util.Arrays.equals(stored, key.bytes())) {
      return Optional.empty();
    }
    int length = b.getInt();
    long crc = b.getLong();
    if (length != bytes.length - HEADER) {
      return Optional.empty();
    }
    CRC32C check = new CRC32C();
    check.update(bytes, HEADER, length);
    if (check.getValue() != crc) {
      return Optional.empty();
    }
    try {
      return Optional.of(codec.decode(java.util.Arrays.copyOfRange(bytes, HEADER, bytes.length)));
    } catch (RecordCodec.CorruptEntryException e) {
      return Optional.empty();
    }
  }

  /** Marks an entry as used today, so that {@link #prune} keeps it. */
  private void touch(Path file) {
    try {
      FileTime now = FileTime.from(Instant.now());
      FileTime then = Files.getLastModifiedTime(file);
      if (then.toInstant().plus(TOUCH_AFTER).isBefore(now.toInstant())) {
        Files.setLastModifiedTime(file, now);
      }
    } catch (IOException | SecurityException e) {
      // An entry that cannot be touched is pruned a little early: one more analysis.
    }
  }

  /** Stores {@code value} as the result of {@code key}; a write that fails is left out. */
  public void put(Key key, T value) {
    byte[] payload;
    try {
      payload = codec.encode(value);
    } catch (RuntimeException e) {
      failedWrites.increment();
      return;
    }
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
    b.put(MAGIC).put((byte) FORMAT).put(key.bytes()).putInt(payload.length).putLong(crc.getValue());
    b.put(payload);
    Path file = entry(key);
    Path tmp = null;
    try {
      Path folder = file.getParent();
      if (folders.putIfAbsent(folder.getFileName().toString(), Boolean.TRUE) == null) {
        Files.createDirectories(folder);
      }
      tmp =
          folder.resolve(
              "."
                  + file.getFileName()
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + ".tmp");
      Files.write(tmp, b.array(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      writes.increment();
    } catch (IOException | SecurityException e) {
      failedWrites.increment();
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException | SecurityException e) {
          // Pruned later as a stale temporary file.
        }
      }
    }
  }

  /**
   * Deletes entries not used for {@link #MAX_AGE} and temporary files a killed run left, at most
   * once a day (a marker file remembers when); returns how many files went.
   */
  public int prune(Instant now) {
    Path marker = dir.resolve(PRUNED_MARKER);
    try {
      if (Files.exists(marker)
          && Files.getLastModifiedTime(marker).toInstant().plus(TOUCH_AFTER).isAfter(now)) {
        return 0;
      }
      Files.write(marker, new byte[0]);
      Files.setLastModifiedTime(marker, FileTime.from(now));
    } catch (IOException | SecurityException e) {
      return 0;
    }
    Instant oldest = now.minus(MAX_AGE);
    Instant staleTemp = now.minus(Duration.ofHours(1));
    int deleted = 0;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir)) {
      for (Path folder : folders) {
        String name = folder.getFileName().toString();
        if (name.length() != 2 || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
          for (Path e : entries) {
            BasicFileAttributes a =
                Files.readAttributes(e, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Instant modified = a.lastModifiedTime().toInstant();
            boolean temp = e.getFileName().toString().endsWith(".tmp");
            if (a.isRegularFile() && modified.isBefore(temp ? staleTemp : oldest)) {
              Files.deleteIfExists(e);
              deleted++;
            }
          }
        } catch (IOException | SecurityException e) {
          // One unreadable folder does not stop the others.
        }
      }
    } catch (IOException | SecurityException e) {
      return deleted;
    }
    return deleted;
  }

  /** What this run did with the cache, for {@code --verbose}. */
  public String describe() {
    return "cache "
        + dir
        + ": "
        + hits.sum()
        + " hits, "
        + misses.sum()
        + " misses, "
        + rejected.sum()
        + " unusable entries, "
        + writes.sum()
        + " written"
        + (failedWrites.sum() > 0 ? ", " + failedWrites.sum() + " writes failed" : "");
  }

  public long hits() {
    return hits.sum();
  }

  public long writes() {
    return writes.sum();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }
}
