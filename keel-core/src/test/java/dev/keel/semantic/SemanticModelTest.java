package dev.keel.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.python.ParseResult;
import dev.keel.python.PythonParser;
import dev.keel.python.ast.Expr;
import dev.keel.python.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What calls resolve to through imports, as the rules of other families ask. */
class SemanticModelTest {
  /** The qualified name of every call in {@code source}, in source order ("-" when none). */
  private static List<String> calls(String module, boolean init, String source) {
    ParseResult parse = PythonParser.parse(source);
    SemanticModel model = SemanticModel.of(parse, ModuleContext.of(module, init));
    List<Expr.Call> found = new ArrayList<>();
    collectCalls(parse.module(), found);
    found.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
    return found.stream().map(c -> model.resolveCall(c).orElse("-")).toList();
  }

  private static void collectCalls(Node n, List<Expr.Call> out) {
    if (n instanceof Expr.Call c) {
      out.add(c);
    }
    dev.keel.python.ast.SyntaxChildren.forEach(n, c -> collectCalls(c, out));
  }

  private static List<String> calls(String source) {
    return calls("app.main", false, source);
  }

  @Test
  void callsResolveThroughImportAliases() {
    assertEquals(
        List.of(
            "datetime.datetime.utcnow",
            "requests.get",
            "time.sleep",
            "builtins.open",
            "os.path.join",
            "xml.etree.ElementTree.parse"),
        calls(
            """
            from datetime import datetime as dt
            import requests as r
            from time import sleep
            import os.path
            import xml.etree.ElementTree as ET

            dt.utcnow()
            r.get("https://example.com")
            sleep(1)
            open("f")
            os.path.join("a", "b")
            ET.parse("x.xml")
            """));
  }

  @Test
  void localsParametersAndShadowedNamesResolveToNothing() {
    assertEquals(
        List.of("-", "-", "-", "-", "-", "builtins.open"),
        calls(
            """
            import requests

            def fetch(requests):
                requests.get("u")

            def shadow():
                open = lambda p: p
                open("f")

            def result():
                make().get("u")

            class Client:
                import json
                def load(self):
                    return json.loads("{}")

            open("f")
            """));
  }

  @Test
  void callsInFunctionsSeeModuleImportsMadeLater() {
    assertEquals(
        List.of("subprocess.run"),
        calls(
            """
            def run():
                subprocess.run(["ls"])

            import subprocess
            """));
  }

  @Test
  void relativeImportsResolveAgainstThePackage() {
    assertEquals(
        List.of("shop.util.helper", "shop.orders.models.Order"),
        calls(
            "shop.orders.views",
            false,
            """
            from ..util import helper
            from .models import Order
            helper()
            Order()
            """));
    assertEquals(
        List.of("shop.db.connect"), calls("shop", true, "from . import db\ndb.connect()\n"));
  }

  @Test
  void anImportWithAFallbackAssignmentStillResolvesToTheImport() {
    assertEquals(
        List.of("yaml.safe_load"),
        calls(
            """
            try:
                import yaml
            except ImportError:
                yaml = None

            def load(text):
                return yaml.safe_load(text)
            """));
  }

  @Test
  void bindingsKnowWhatTheyAre() {
    ParseResult parse =
        PythonParser.parse(
            """
            import os
            from typing import List as L
            __all__ = ["os"]
            def f(x):
                y = x
                return y
            """);
    SemanticModel model = SemanticModel.of(parse, ModuleContext.of("m", false));
    Scope module = model.moduleScope();
    assertEquals(BindingKind.IMPORT, module.binding("os").orElseThrow().kind());
    assertEquals(Optional.of("typing.List"), module.binding("L").orElseThrow().qualifiedName());
    assertEquals(List.of("os"), module.binding("__all__").orElseThrow().exportedNames());
    Scope function =
        model.scopes().stream().filter(s -> s.kind() == ScopeKind.FUNCTION).findFirst().get();
    assertEquals(BindingKind.ARGUMENT, function.binding("x").orElseThrow().kind());
    assertEquals(BindingKind.ASSIGNMENT, function.binding("y").orElseThrow().kind());
    assertEquals(true, function.binding("y").orElseThrow().isUsed());
    assertEquals(false, module.binding("L").orElseThrow().isUsed());
  }
}
