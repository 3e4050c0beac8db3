package dev.keel.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What tells one build of Keel from another, for the cache key: a released version says little
 * while Keel is being developed (every build of a branch is "0.1.0-SNAPSHOT"), so the key also
 * holds where the code was loaded from, with the size and modification time of the jar, or of every
 * class file of a classes folder. A rebuilt Keel never reads what another build wrote.
 */
public final class BuildIdentity {
  private BuildIdentity() {}

  /** The identity of the code of these classes, prefixed by {@code version}. */
  public static String of(String version, Class<?>... classes) {
    StringBuilder s = new StringBuilder(version);
    List<Path> seen = new ArrayList<>();
    for (Class<?> c : classes) {
      Path at = location(c);
      if (at == null) {
        // Not known where it came from: a key nobody else makes, so nothing stale is read.
        s.append("\nunknown-").append(System.nanoTime());
        continue;
      }
      if (seen.contains(at)) {
        continue;
      }
      seen.add(at);
      s.append('\n').append(at);
      try {
        if (Files.isDirectory(at)) {
          try (Stream<Path> files = Files.walk(at)) {
            List<String> parts = new ArrayList<>();
            files
                .filter(Files::isRegularFile)
                .forEach(f -> parts.add(at.relativize(f) + ":" + stamp(f)));
            parts.sort(null);
            s.append(String.join(",", parts));
          }
        } else {
          s.append(':').append(stamp(at));
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // Unknown: a key nobody else makes, so nothing stale is read.
        s.append(":unknown-").append(System.nanoTime());
      }
    }
    return s.toString();
  }

  private static String stamp(Path f) {
    try {
      BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
      return a.size() + "@" + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path location(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException
        | IllegalArgumentException
        | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }
}
