package dev.keel.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {
  record Result(String file, List<String> findings, long lines) {}

  @TempDir Path tmp;

  private ResultCache<Result> open(String build, String settings) {
    return ResultCache.open(tmp.resolve("cache"), RecordCodec.of(Result.class), build, settings)
        .orElseThrow();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getParent().getFileName().toString().length() == 2)
          .toList();
    }
  }

  @Test
  void aStoredResultIsFoundByTheSameKeyOnly() {
    ResultCache<Result> cache = open("keel 1", "all rules");
    Result r = new Result("a.py", List.of("NAM001 x", "SEC002 y"), 12);
    ResultCache.Key key = cache.key("a.py", bytes("import os\n"));
    assertEquals(Optional.empty(), cache.get(key));
    cache.put(key, r);
    assertEquals(Optional.of(r), cache.get(key));
    assertEquals(Optional.of(r), open("keel 1", "all rules").get(key), "another run reads it");
    assertEquals(Optional.empty(), cache.get(cache.key("a.py", bytes("import sys\n"))));
    assertEquals(Optional.empty(), cache.get(cache.key("b.py", bytes("import os\n"))));
  }

  @Test
  void anotherBuildOrOtherSettingsNeverReadWhatThisOneWrote() {
    ResultCache<Result> cache = open("keel 1", "all rules");
    ResultCache.Key key = cache.key("a.py", bytes("x = 1\n"));
    cache.put(key, new Result("a.py", List.of(), 1));
    ResultCache<Result> rebuilt = open("keel 2", "all rules");
    ResultCache<Result> reconfigured = open("keel 1", "max-complexity 3");
    assertNotEquals(key, rebuilt.key("a.py", bytes("x = 1\n")));
    assertNotEquals(key, reconfigured.key("a.py", bytes("x = 1\n")));
    assertEquals(Optional.empty(), rebuilt.get(rebuilt.key("a.py", bytes("x = 1\n"))));
    assertEquals(Optional.empty(), reconfigured.get(reconfigured.key("a.py", bytes("x = 1\n"))));
  }

  @Test
  void theFolderIsIgnoredByGitAndTaggedAsACache() throws IOException {
    open("keel", "s");
    assertEquals("*", Files.readAllLines(tmp.resolve("cache/.gitignore")).getLast());
    assertTrue(
        Files.readString(tmp.resolve("cache/CACHEDIR.TAG"))
            .startsWith("Signature: 8a477f597d28d172789f06886806bc55"));
  }

  @Test
  void aCorruptTruncatedOrForeignEntryIsAMissAndIsRewritten() throws IOException {
    ResultCache<Result> cache = open("keel", "s");
    Result r = new Result("a.py", List.of("REL001 bare except"), 3);
    ResultCache.Key key = cache.key("a.py", bytes("try: pass\nexcept: pass\n"));
    cache.put(key, r);
    Path entry = entries().getFirst();
    byte[] good = Files.readAllBytes(entry);

    List<byte[]> damaged = new ArrayList<>();
    for (int cut : new int[] {0, 5, 20, good.length / 2, good.length - 1}) {
      damaged.add(java.util.Arrays.copyOf(good, cut));
    }
    for (int i = 0; i < good.length; i += 7) {
      byte[] flipped = good.clone();
      flipped[i] ^= 1;
      damaged.add(flipped);
    }
    byte[] foreign = good.clone();
    foreign[6] = (byte) (ResultCache.FORMAT + 1); // the format byte after "KEELRC"
    damaged.add(foreign);
    damaged.add(bytes("not an entry at all"));
    for (byte[] bad : damaged) {
      Files.write(entry, bad);
      assertEquals(Optional.empty(), cache.get(key), "damaged entry trusted");
      cache.put(key, r); // what the run that missed does
      assertEquals(Optional.of(r), cache.get(key));
    }
  }

  @Test
  void anEntryCopiedUnderAnotherKeyIsNotTrusted() throws IOException {
    ResultCache<Result> cache = open("keel", "s");
    ResultCache.Key a = cache.key("a.py", bytes("a\n"));
    ResultCache.Key b = cache.key("b.py", bytes("b\n"));
    cache.put(a, new Result("a.py", List.of(), 1));
    Path entryA = entries().getFirst();
    cache.put(b, new Result("b.py", List.of(), 1));
    Path entryB = entries().stream().filter(p -> !p.equals(entryA)).findFirst().orElseThrow();
    Files.copy(entryA, entryB, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(Optional.empty(), cache.get(b));
  }

  @Test
  void runsAtOnceReadOnlyWholeEntries() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        ResultCache<Result> cache = open("keel", "s"); // each thread a run of its own
        work.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 50; round++) {
                    for (int f = 0; f < 20; f++) {
                      String name = "f" + f + ".py";
                      ResultCache.Key key = cache.key(name, bytes("x = " + f));
                      Result expected = new Result(name, List.of("finding " + f), f);
                      cache.get(key).ifPresent(got -> assertEquals(expected, got));
                      cache.put(key, expected);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(20, entries().size());
    try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
      assertFalse(s.anyMatch(p -> p.toString().endsWith(".tmp")), "temporary files left");
    }
  }

  @Test
  void entriesUnusedForThirtyDaysArePrunedOnceADayAndUsedOnesKept() throws IOException {
    ResultCache<Result> cache = open("keel", "s");
    ResultCache.Key used = cache.key("used.py", bytes("1"));
    ResultCache.Key unused = cache.key("unused.py", bytes("2"));
    cache.put(used, new Result("used.py", List.of(), 1));
    cache.put(unused, new Result("unused.py", List.of(), 1));
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(31)));
    for (Path e : entries()) {
      Files.setLastModifiedTime(e, old);
    }
    Path folder = entries().getFirst().getParent();
    Path staleTemp = folder.resolve(".x.tmp");
    Files.write(staleTemp, bytes("half"));
    Files.setLastModifiedTime(staleTemp, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

    ResultCache<Result> next = open("keel", "s");
    assertTrue(next.get(used).isPresent()); // a hit marks it used
    assertEquals(2, next.prune(Instant.now()));
    assertTrue(next.get(used).isPresent());
    assertEquals(Optional.empty(), next.get(unused));
    assertFalse(Files.exists(staleTemp));

    // Once a day: a second prune the same day does nothing, however old the entries.
    next.put(unused, new Result("unused.py", List.of(), 1));
    for (Path e : entries()) {
      Files.setLastModifiedTime(e, old);
    }
    assertEquals(0, next.prune(Instant.now()));
    assertEquals(2, entries().size());
    assertEquals(2, next.prune(Instant.now().plus(Duration.ofDays(2))));
  }

  @Test
  void aFolderThatCannotBeACacheMeansNoCacheNotAnError() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertEquals(
        Optional.empty(), ResultCache.open(file, RecordCodec.of(Result.class), "keel", "s"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp);
    assertEquals(
        Optional.empty(), ResultCache.open(link, RecordCodec.of(Result.class), "keel", "s"));
    Path readOnly = Files.createDirectories(tmp.resolve("ro"));
    ResultCache<Result> cache =
        ResultCache.open(readOnly, RecordCodec.of(Result.class), "keel", "s").orElseThrow();
    readOnly.toFile().setWritable(false);
    try {
      ResultCache.Key key = cache.key("a.py", bytes("x"));
      cache.put(key, new Result("a.py", List.of(), 1)); // fails quietly (unless run as root)
      cache.get(key);
    } finally {
      readOnly.toFile().setWritable(true);
    }
  }
}
