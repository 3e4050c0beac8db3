package dev.keel.bench;

import dev.keel.project.Project;
import dev.keel.project.ProjectDiscovery;
import dev.keel.project.ProjectFile;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.rule.FileRules;
import dev.keel.rule.FileVisit;
import dev.keel.rules.RuleRegistry;
import dev.keel.semantic.SemanticModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The per-file pipeline of {@code keel check}, one thread, timed phase by phase: for each file,
 * parse, build the semantic model, run the walk and every file rule, each phase charged the CPU
 * time of this thread (so neither garbage collection nor other processes blur the split). Prints,
 * over {@code PASSES} passes after {@code WARMUP} unmeasured ones, the fastest and the median pass
 * of each phase and the file rules' share of parse time. JMH's {@link FileRulesBenchmark} measures
 * the same by difference of wall times, where garbage collection counts.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.keel.bench.PipelineCost [DIR] [WARMUP] [PASSES]};
 * DIR needs a project marker ({@code .git}), default {@code /tmp/keel-real/stdlib}.
 */
public final class PipelineCost {
  private PipelineCost() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/keel-real/stdlib");
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    Project project =
        ProjectDiscovery.discover(List.of(dir), Optional.empty(), UnaryOperator.identity());
    FileRules rules = new FileRules(RuleRegistry.standard().all());
    List<ProjectFile> files = project.pythonFiles();
    List<byte[]> bytes = new ArrayList<>();
    long size = 0;
    for (ProjectFile f : files) {
      byte[] b = Files.readAllBytes(f.absolute());
      bytes.add(b);
      size += b.length;
    }
    System.out.printf("%s: %d files, %.1f MB%n", dir, files.size(), size / 1e6);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[][] times = new long[3][passes];
    long findings = 0;
    for (int pass = 0; pass < warmup + passes; pass++) {
      long parse = 0;
      long model = 0;
      long check = 0;
      findings = 0;
      for (int i = 0; i < files.size(); i++) {
        ProjectFile f = files.get(i);
        long t0 = cpu.getCurrentThreadCpuTime();
        ParseResult p = PythonParser.parse(bytes.get(i));
        long t1 = cpu.getCurrentThreadCpuTime();
        SemanticModel m = SemanticModel.of(p, FileVisit.moduleContext(f));
        long t2 = cpu.getCurrentThreadCpuTime();
        findings += rules.check(f, p, project.config(), m).size();
        long t3 = cpu.getCurrentThreadCpuTime();
        parse += t1 - t0;
        model += t2 - t1;
        check += t3 - t2;
      }
      if (pass >= warmup) {
        times[0][pass - warmup] = parse;
        times[1][pass - warmup] = model;
        times[2][pass - warmup] = check;
      }
    }
    String[] names = {"parse", "semantic model", "walk and file rules"};
    for (int k = 0; k < 3; k++) {
      Arrays.sort(times[k]);
      System.out.printf(
          "%-20s fastest %4d ms, median %4d ms%n",
          names[k], times[k][0] / 1_000_000, times[k][passes / 2] / 1_000_000);
    }
    System.out.printf(
        "file rules / parse: fastest passes %.2f, medians %.2f (%d findings a pass)%n",
        (double) times[2][0] / times[0][0],
        (double) times[2][passes / 2] / times[0][passes / 2],
        findings);
  }
}
