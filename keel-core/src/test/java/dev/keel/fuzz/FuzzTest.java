package dev.keel.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated real files through the whole pipeline, for a fixed time ({@code -Dkeel.fuzz.seconds},
 * default 60) from a fixed seed ({@code -Dkeel.fuzz.seed}): no exception may escape, every file
 * must finish within its deadline ({@link Pipeline#DEADLINE}) and the heap after a collection must
 * stay bounded. A failing input is minimised and saved under {@code target/fuzz-failures/} with its
 * failure class; once understood it goes to {@code src/test/resources/fuzz-regressions/} (as is, or
 * as a {@code .recipe} when big), which {@link FuzzRegressionTest} replays.
 */
@Tag("fuzz")
class FuzzTest {
  private static final long SECONDS = Long.getLong("keel.fuzz.seconds", 60);
  private static final long SEED = Long.getLong("keel.fuzz.seed", 20261202);
  private static final Path FAILURES = Path.of("target/fuzz-failures");

  /**
   * Whether a file that misses its deadline fails the test: yes, unless {@code
   * -Dkeel.fuzz.strict=false} (for a machine too loaded to keep a 5 s deadline per small file).
   * Misses are saved and listed apart either way; exceptions, hangs of the whole audit, stack
   * overflows and memory growth always fail.
   */
  private static final boolean STRICT =
      Boolean.parseBoolean(System.getProperty("keel.fuzz.strict", "true"));

  @TempDir Path tmp;

  @Test
  void mutatedFilesNeverEscapeCrashHangOrGrow() throws IOException {
    Pipeline pipeline = new Pipeline(tmp.resolve("p"));
    Random random = new Random(SEED);
    Mutator mutator = new Mutator(random, Seeds.all());
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, List<String>> failures = new TreeMap<>();
    Map<String, List<String>> pending = new TreeMap<>();
    long end = System.nanoTime() + SECONDS * 1_000_000_000L;
    long tried = 0;
    long bytes = 0;
    long baseline = -1;
    long worstHeap = 0;
    while (System.nanoTime() < end) {
      Mutator.Mutant m = mutator.next();
      tried++;
      bytes += m.bytes().length;
      for (String k : m.how().split("\\+")) {
        byKind.merge(k, 1, Integer::sum);
      }
      Optional<String> verdict = pipeline.verdict(m.bytes());
      if (verdict.isPresent() && !STRICT && Pipeline.isDeadlineMiss(verdict.get())) {
        // Only with keel.fuzz.strict=false: saved and said, not failed.
        List<String> saved = pending.computeIfAbsent(verdict.get(), k -> new ArrayList<>());
        if (saved.size() < 3) {
          saved.add(save(verdict.get(), m.how(), m.bytes()));
        }
      } else if (verdict.isPresent()) {
        List<String> saved = failures.computeIfAbsent(verdict.get(), k -> new ArrayList<>());
        if (saved.size() < 3) {
          byte[] small = minimise(pipeline, m.bytes(), verdict.get());
          saved.add(save(verdict.get(), m.how(), small));
        }
      }
      if (tried % 50 == 0) {
        long used = heapAfterGc();
        if (baseline < 0) {
          baseline = used;
        }
        worstHeap = Math.max(worstHeap, used);
        if (used > 2 * baseline + (256L << 20)) {
          failures
              .computeIfAbsent("memory: heap after GC grew", k -> new ArrayList<>())
              .add((used >> 20) + " MB after " + tried + " inputs, from " + (baseline >> 20));
        }
      }
    }
    String summary =
        "fuzz: "
            + tried
            + " inputs ("
            + (bytes >> 20)
            + " MB) in "
            + SECONDS
            + " s from seed "
            + SEED
            + "; mutations "
            + byKind
            + "; heap after GC "
            + (baseline >> 20)
            + " MB at first, at most "
            + (worstHeap >> 20)
            + " MB; failures "
            + (failures.isEmpty() ? "none" : failures)
            + "; deadline misses set aside (keel.fuzz.strict=false) "
            + (pending.isEmpty() ? "none" : pending);
    System.out.println(summary);
    Files.createDirectories(FAILURES);
    Files.writeString(FAILURES.resolve("summary.txt"), summary + "\n");
    assertTrue(failures.isEmpty(), summary);
  }

  private static long heapAfterGc() {
    Runtime r = Runtime.getRuntime();
    System.gc();
    return r.totalMemory() - r.freeMemory();
  }

  /**
   * Removes chunks (halves, quarters, down to single bytes) as long as the failure stays the same,
   * within a budget of runs; a timeout is not minimised (each run costs the deadline).
   */
  private static byte[] minimise(Pipeline pipeline, byte[] input, String failure) {
    if (failure.startsWith("abandoned: past") || failure.startsWith("hang")) {
      return input;
    }
    byte[] best = input;
    int budget = 200;
    for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && budget > 0; chunk /= 2) {
      for (int at = 0; at < best.length && budget > 0; ) {
        int to = Math.min(best.length, at + chunk);
        byte[] candidate = new byte[best.length - (to - at)];
        System.arraycopy(best, 0, candidate, 0, at);
        System.arraycopy(best, to, candidate, at, best.length - to);
        budget--;
        if (pipeline.verdict(candidate).equals(Optional.of(failure))) {
          best = candidate;
        } else {
          at += chunk;
        }
      }
    }
    return best;
  }

  private static String save(String failure, String how, byte[] input) throws IOException {
    Files.createDirectories(FAILURES);
    String name =
        Integer.toHexString(failure.hashCode()) + "-" + Integer.toHexString(Arrays.hashCode(input));
    Path file = FAILURES.resolve(name + ".py");
    Files.write(file, input);
    Files.writeString(
        FAILURES.resolve(name + ".txt"),
        failure + "\nmutations: " + how + "\nbytes: " + input.length + "\n");
    return file.toString();
  }
}
