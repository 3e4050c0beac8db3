import dev.keel.project.IgnoreRules;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Times IgnoreRules on the two patterns of issue 10 that made the regex-based matcher backtrack:
 * {@code *a*a*a*a*a*a*a*a*b} against a 40-character name, and {@code **}/ twenty times then
 * {@code x} against a deep path. Run by run.sh against the current classes and an older commit's.
 */
public class IgnoreBench {
  public static void main(String[] args) throws Exception {
    long limitSeconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
    String deep = "d/".repeat(30) + "y";
    Object[][] cases = {
      {"*a*a*a*a*a*a*a*a*b", "a".repeat(40)},
      {"**/".repeat(20) + "x", deep},
      {"*.py", "src/pkg/module.py"},
    };
    for (Object[] c : cases) {
      // A thread of its own per case: one that gave up may still be running.
      ExecutorService pool =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
              });
      String pattern = (String) c[0];
      String path = (String) c[1];
      IgnoreRules rules = IgnoreRules.parse("", List.of(pattern));
      // Warm up on the easy case only; a pathological one runs once.
      int runs = pattern.equals("*.py") ? 100_000 : 1;
      Future<Long> f =
          pool.submit(
              () -> {
                long t0 = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                  rules.verdict(path, false);
                }
                return (System.nanoTime() - t0) / runs;
              });
      String result;
      try {
        long ns = f.get(limitSeconds, TimeUnit.SECONDS);
        result = ns >= 1_000_000 ? String.format("%.2f ms", ns / 1e6) : String.format("%.1f us", ns / 1e3);
      } catch (TimeoutException e) {
        result = "> " + limitSeconds + " s (gave up)";
      }
      System.out.printf("%-28s path of %3d chars: %s per match%n", shorten(pattern), path.length(), result);
    }
    System.exit(0);
  }

  private static String shorten(String p) {
    return p.length() > 26 ? p.substring(0, 12) + "…(" + p.length() + " chars)" : p;
  }
}
