package dev.keel.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModuleGraphTest {
  /**
   * Summaries of modules given as name → source; names ending in {@code .__init__} are packages.
   */
  static List<ModuleSummary> summaries(Map<String, String> sources) {
    List<ModuleSummary> out = new ArrayList<>();
    for (var e : new TreeMap<>(sources).entrySet()) {
      boolean init = e.getKey().endsWith(".__init__");
      String module = init ? e.getKey().substring(0, e.getKey().length() - 9) : e.getKey();
      ParseResult parse = PythonParser.parse(e.getValue());
      ModuleContext context = ModuleContext.of(module, init);
      out.add(
          ModuleSummary.of(
              e.getKey().replace('.', '/') + ".py",
              context,
              parse,
              SemanticModel.of(parse, context)));
    }
    return out;
  }

  @Test
  void importsAreClassifiedByWhereTheySit() {
    ModuleSummary s =
        summaries(
                Map.of(
                    "app",
                    """
                    import os
                    from typing import TYPE_CHECKING
                    if TYPE_CHECKING:
                        from shop import models
                    try:
                        import ujson as json
                    except ImportError:
                        import json
                    def f():
                        import shop.db
                    class C:
                        import shop.views
                    """))
            .get(0);
    assertEquals(
        List.of(
            "os@1 TOP_LEVEL",
            "typing@2 TOP_LEVEL",
            "shop@4 TYPE_CHECKING",
            "ujson@6 CONDITIONAL",
            "json@8 CONDITIONAL",
            "shop.db@10 IN_FUNCTION",
            "shop.views@12 TOP_LEVEL"),
        s.imports().stream().map(r -> r.module() + "@" + r.line() + " " + r.kind()).toList());
    assertEquals(List.of("models"), s.imports().get(2).names());
  }

  @Test
  void cyclesOverImportTimeEdgesWithTheShortestPath() {
    ModuleGraph g =
        ModuleGraph.of(
            summaries(
                Map.of(
                    "shop.__init__", "from . import orders\n",
                    "shop.orders", "from shop import billing\nimport json\n",
                    "shop.billing", "from .customers import Customer\n",
                    "shop.customers", "import shop.orders\nimport shop.billing\n",
                    "shop.late", "def f():\n    import shop.early\n",
                    "shop.early", "import shop.late\n",
                    "shop.typed",
                        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import shop.hints\n",
                    "shop.hints", "import shop.typed\n")));
    assertEquals(List.of(List.of("shop.billing", "shop.customers", "shop.orders")), g.cycles());
    assertEquals(
        Optional.of(List.of("shop.billing", "shop.customers", "shop.billing")),
        g.shortestCycleThrough("shop.billing"));
    assertEquals(Optional.empty(), g.shortestCycleThrough("shop.late"));
    assertEquals(3, g.cycles(k -> true).size());
    assertEquals(ModuleGraph.Origin.PROJECT, g.origin("shop.orders"));
    assertEquals(ModuleGraph.Origin.STANDARD_LIBRARY, g.origin("json.decoder"));
    assertEquals(ModuleGraph.Origin.THIRD_PARTY, g.origin("requests"));
    ModuleGraph.Edge edge = g.edgesFrom("shop.orders").get(0);
    assertEquals("shop.billing", edge.to());
    assertEquals(1, edge.line());
  }
}
