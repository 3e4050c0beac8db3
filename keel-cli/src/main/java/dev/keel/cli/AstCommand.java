package dev.keel.cli;

import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.python.AstDump;
import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.source.SyntaxError;
import dev.keel.report.Escape;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keel ast FILE…}: the syntax tree of each file in CPython's {@code ast.dump} format, so it
 * can be compared byte for byte with what CPython prints.
 */
@Command(
    name = "ast",
    mixinStandardHelpOptions = true,
    description = {
      "Print each file's syntax tree as CPython 3.13 prints",
      "ast.dump(ast.parse(src), include_attributes=True, show_empty=True):",
      "a line '== PATH', then the dump on one line, or 'SyntaxError: LINE:COL: MESSAGE'",
      "(or IndentationError, TabError, MemoryError, RecursionError as CPython raises)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file parses", "1:a file does not parse", "2:a file cannot be read"})
final class AstCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Python files.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      description = "Refuse files larger than SIZE: bytes, or e.g. 512KB, 10MB (default: 10MB).")
  String maxFileSize;

  @Override
  public Integer call() {
    long limit = maxFileSize == null ? ConfinedReader.DEFAULT_MAX_BYTES : Inputs.size(maxFileSize);
    List<byte[]> sources = new ArrayList<>();
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        throw new ConfigException(f + " is a folder; keel ast takes Python files");
      }
      if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
        throw new ConfigException("cannot read " + f + ": no such file");
      }
      Inputs.requireRegularFile(f, "keel ast");
      sources.add(Inputs.readConfined(f, limit));
    }
    PrintWriter out = spec.commandLine().getOut();
    int code = ExitCode.CLEAN;
    for (int i = 0; i < files.size(); i++) {
      ParseResult parse = PythonParser.parse(sources.get(i));
      if (parse == null) {
        // The parser died on its own thread; its error was reported there.
        throw new ConfigException("cannot parse " + files.get(i) + ": it nests too deeply");
      }
      out.println("== " + Escape.text(files.get(i).toString()));
      if (parse.errors().isEmpty()) {
        String dump = AstDump.dump(parse);
        if (dump == null) {
          // The dump died on its own thread (a tree too deep to walk): never print "null".
          throw new ConfigException(
              "cannot print the syntax tree of " + files.get(i) + ": it nests too deeply");
        }
        out.println(dump);
      } else {
        SyntaxError e = parse.errors().get(0);
        out.println(
            e.kind()
                + ": "
                + parse.lines().line(e.start())
                + ":"
                + (parse.lines().column(e.start()) + 1)
                + ": "
                + Escape.text(e.message()));
        code = ExitCode.FINDINGS;
      }
    }
    out.flush();
    return code;
  }
}
