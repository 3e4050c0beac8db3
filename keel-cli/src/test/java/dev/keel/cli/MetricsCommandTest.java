package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {
  @TempDir Path tmp;

  @BeforeEach
  void project() throws IOException {
    Files.writeString(tmp.resolve("pyproject.toml"), "[project]\nname = \"shop\"\n");
    Files.createDirectories(tmp.resolve("src/shop"));
    Files.writeString(tmp.resolve("src/shop/__init__.py"), "");
    Files.writeString(
        tmp.resolve("src/shop/cart.py"),
        """
        import functools


        class Cart:
            @functools.cache
            def total(self, discount: float, *, tax=None) -> float:
                if discount and tax:
                    return 1.0
                return 0.0


        def checkout(cart, user):
            def pay():
                return [x for x in cart if x]

            return pay()
        """);
  }

  @Test
  void jsonListsEveryCallable() throws IOException {
    Cli.Outcome o = Cli.run("metrics", "--format", "json", tmp.toString());
    assertEquals(0, o.code(), o.err());
    JsonNode root = new ObjectMapper().readTree(o.out());
    assertEquals(List.of("callables"), iterable(root.fieldNames()));
    JsonNode all = root.get("callables");
    assertEquals(3, all.size());
    JsonNode total = all.get(0);
    assertEquals(
        List.of(
            "path",
            "name",
            "line",
            "end_line",
            "complexity",
            "length",
            "parameters",
            "annotation_coverage"),
        iterable(total.fieldNames()));
    assertEquals("src/shop/cart.py", total.get("path").asText());
    assertEquals("Cart.total", total.get("name").asText());
    assertEquals(6, total.get("line").asInt());
    assertEquals(9, total.get("end_line").asInt());
    assertEquals(3, total.get("complexity").asInt());
    assertEquals(4, total.get("length").asInt());
    assertEquals(2, total.get("parameters").asInt());
    assertEquals(66.7, total.get("annotation_coverage").asDouble());
    assertEquals("checkout", all.get(1).get("name").asText());
    assertEquals(0.0, all.get(1).get("annotation_coverage").asDouble());
    assertEquals("checkout.<locals>.pay", all.get(2).get("name").asText());
    assertEquals(3, all.get(2).get("complexity").asInt());
  }

  @Test
  void textIsATable() {
    Cli.Outcome o = Cli.run("metrics", tmp.toString());
    assertEquals(0, o.code(), o.err());
    List<String> lines = o.out().lines().toList();
    assertEquals(4, lines.size(), o.out());
    assertTrue(
        lines.get(0).matches("\\s*CC\\s+LINES\\s+PARAMS\\s+ANN%\\s+LOCATION\\s+NAME"),
        lines.get(0));
    assertTrue(
        lines.get(1).matches("\\s*3\\s+4\\s+2\\s+66\\.7\\s+src/shop/cart\\.py:6\\s+Cart\\.total"),
        lines.get(1));
  }

  @Test
  void aFileIsMeasuredWithItsPathFromTheProjectRoot() throws IOException {
    Files.writeString(
        tmp.resolve("src/shop/broken.py"),
        "def ok(a: int) -> int:\n    return a\n\ndef broken(:\n");
    Cli.Outcome o =
        Cli.run("metrics", "--format", "json", tmp.resolve("src/shop/broken.py").toString());
    assertEquals(0, o.code(), o.err());
    JsonNode all = new ObjectMapper().readTree(o.out()).get("callables");
    assertEquals(1, all.size(), o.out());
    assertEquals("src/shop/broken.py", all.get(0).get("path").asText());
    assertEquals("ok", all.get(0).get("name").asText());
    assertEquals(100.0, all.get(0).get("annotation_coverage").asDouble());
    assertEquals(
        "keel: src/shop/broken.py has syntax errors; only the functions that parse are measured",
        o.err().strip());
  }

  @Test
  void missingPathIsOneLineAndExitTwo() {
    Cli.Outcome o = Cli.run("metrics", tmp.resolve("nope").toString());
    assertEquals(2, o.code());
    assertEquals("keel: path does not exist: " + tmp.resolve("nope"), o.err().strip());
    assertEquals("", o.out());
  }

  @Test
  void aFifoOrADeviceGivenDirectlyIsRefusedNotWaitedOn() throws Exception {
    Path fifo = AstCommandTest.fifo(tmp.resolve("src/shop/pipe.py"));
    Path zero = Files.createSymbolicLink(tmp.resolve("src/shop/zero.py"), Path.of("/dev/zero"));
    // Hang guard, not a benchmark: the FIFO used to block keel metrics forever.
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (Path f : List.of(fifo, zero)) {
            Cli.Outcome o = Cli.run("metrics", f.toString());
            assertEquals(2, o.code(), o.err());
            assertEquals(
                "keel: "
                    + f
                    + " is not a regular file (a FIFO, socket or device); keel metrics reads files",
                o.err().strip());
          }
        });
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
