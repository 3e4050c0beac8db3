package dev.keel.fuzz;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.audit.AuditResult;
import dev.keel.finding.Finding;
import dev.keel.judge.Judge;
import dev.keel.judge.JudgedFinding;
import dev.keel.report.Format;
import dev.keel.report.Reporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One fuzz input through everything a user runs: a project holding it as {@code x.py} is audited
 * with every rule (discover, parse, semantic model, file and project rules, judge) and reported as
 * text, JSON, SARIF, GitHub and JUnit. The verdict is empty when all went well, else the class of
 * failure: an exception that escaped, a file abandoned at its deadline (or too deep for the
 * worker's stack), or an audit that did not return at all.
 */
final class Pipeline {
  /** The per-file deadline inputs must meet: far above what any of them takes normally. */
  static final Duration DEADLINE =
      Duration.ofMillis(
          (long) (1000 * Double.parseDouble(System.getProperty("keel.fuzz.deadline", "5"))));

  private final Path root;
  private final ExecutorService runner =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "keel-fuzz");
            t.setDaemon(true);
            return t;
          });

  Pipeline(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve(".git"));
      Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"fuzz\"\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The failure class of {@code source}, or empty. */
  Optional<String> verdict(byte[] source) {
    try {
      Files.write(root.resolve("x.py"), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 12, 2))
            .fileTimeout(DEADLINE)
            .build();
    Future<Optional<String>> run = runner.submit(() -> auditAndReport(request));
    try {
      Optional<String> v = verdictOf(run);
      if (v.isPresent() && v.get().startsWith("abandoned: past") && parserAloneIsTooSlow(source)) {
        return Optional.of(PARSER_PENDING + "parsing alone runs past the deadline");
      }
      return v;
    } finally {
      run.cancel(true);
    }
  }

  /** The prefix of failures that are the parser's own (python-syntax), pending its limits. */
  static final String PARSER_PENDING = "parser: ";

  /** Whether {@code verdict} is a file that missed its deadline (the parser's, or not). */
  static boolean isDeadlineMiss(String verdict) {
    return verdict.startsWith(PARSER_PENDING) || verdict.startsWith("abandoned: past");
  }

  private boolean parserAloneIsTooSlow(byte[] source) {
    Future<?> parse = runner.submit(() -> dev.keel.python.PythonParser.parse(source));
    try {
      parse.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      return false;
    } catch (TimeoutException e) {
      return true;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      parse.cancel(true);
    }
  }

  private Optional<String> verdictOf(Future<Optional<String>> run) {
    try {
      // The deadline is per file; the audit around it (discovery, project rules, judging,
      // reporting) gets as long again and half a minute more before it counts as a hang.
      return run.get(DEADLINE.toMillis() * 2 + 30_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      return Optional.of("hang: the audit did not return");
    } catch (ExecutionException e) {
      return Optional.of(classOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> auditAndReport(AuditRequest request) {
    AuditResult result = new Audit().run(request);
    for (Format format : Format.values()) {
      StringWriter out = new StringWriter();
      Reporters.of(format, format == Format.TEXT, false)
          .write(result.report(), new PrintWriter(out));
    }
    for (JudgedFinding j : result.findings()) {
      Finding f = j.finding();
      if (f.code().equals(Judge.ABANDONED)) {
        return Optional.of(
            f.message().contains("too deeply nested")
                ? "abandoned: too deeply nested for the worker's stack"
                : "abandoned: past the deadline of " + DEADLINE.toMillis() + " ms");
      }
    }
    return Optional.empty();
  }

  /** The exception's class and the first frame of Keel's in its trace. */
  static String classOf(Throwable t) {
    String where = "";
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("dev.keel")) {
        where = " at " + e.getClassName() + "." + e.getMethodName();
        break;
      }
    }
    return "exception: " + t.getClass().getSimpleName() + where;
  }
}
