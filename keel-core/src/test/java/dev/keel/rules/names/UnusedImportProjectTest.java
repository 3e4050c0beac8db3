package dev.keel.rules.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.audit.Audit;
import dev.keel.audit.AuditRequest;
import dev.keel.audit.AuditResult;
import dev.keel.finding.Finding;
import dev.keel.judge.JudgedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAM001 in a package's __init__.py: an import that another module takes from it is used. */
class UnusedImportProjectTest {
  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void initImportsUsedElsewhereInTheProjectAreReExports() throws IOException {
    Files.createDirectories(root.resolve(".git"));
    write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.0\"\n");
    write(
        "shop/__init__.py",
        """
        from .models import Order
        from .models import Customer
        from .models import Invoice as Invoice
        import logging
        """);
    write("shop/models.py", "class Order: ...\nclass Customer: ...\nclass Invoice: ...\n");
    write("app.py", "from shop import Order\nimport os\n\nprint(Order)\n");
    assertEquals(
        List.of(
            "app.py:2 `os` imported but unused",
            "shop/__init__.py:2 `.models.Customer` imported but unused",
            "shop/__init__.py:4 `logging` imported but unused"),
        unusedImports());
  }

  /**
   * A star import that no name of its module comes from is a re-export when other modules import
   * the module (a package's face, or a module gathering its siblings, as netbox's {@code
   * ipam/api/serializers.py} gathers {@code serializers_/}); in a module nothing imports, it is
   * unused (pyflakes' reading).
   */
  @Test
  void starImportsOfAModuleOthersImportAreReExports() throws IOException {
    Files.createDirectories(root.resolve(".git"));
    write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.0\"\n");
    write("shop/__init__.py", "");
    write("shop/forms/__init__.py", "from .orders import *\nfrom .customers import *\n");
    write("shop/forms/orders.py", "class OrderForm: ...\n");
    write("shop/forms/customers.py", "class CustomerForm: ...\n");
    write("shop/api/__init__.py", "");
    write("shop/api/serializers.py", "from .serializers_.orders import *\n");
    write("shop/api/serializers_/__init__.py", "");
    write("shop/api/serializers_/orders.py", "class OrderSerializer: ...\n");
    write("shop/api/unused.py", "from os.path import *\n");
    write("shop/api/views.py", "from . import serializers\n\nprint(serializers)\n");
    write("shop/api/viewsets/__init__.py", "from .orders import *\n");
    write("shop/api/viewsets/orders.py", "class OrderViewSet: ...\n");
    write("shop/urls.py", "from shop.api import viewsets\n\nprint(viewsets)\n");
    write("shop/forms_unimported/__init__.py", "from ..forms.orders import *\n");
    write("app.py", "from shop.forms import OrderForm\n\nprint(OrderForm)\n");
    assertEquals(
        List.of(
            "shop/api/unused.py:1 `os.path.*` imported but unused",
            "shop/forms_unimported/__init__.py:1 `..forms.orders.*` imported but unused"),
        unusedImports());
  }

  /** NAM001's findings on the project, as {@code path:line message}. */
  private List<String> unusedImports() {
    AuditRequest request =
        AuditRequest.builder(List.of(root))
            .select(List.of("NAM001"))
            .withoutBaseline()
            .threads(1)
            .today(LocalDate.of(2026, 1, 1))
            .build();
    AuditResult result = new Audit().run(request);
    return result.findings().stream()
        .map(JudgedFinding::finding)
        .map(UnusedImportProjectTest::describe)
        .toList();
  }

  private static String describe(Finding f) {
    return f.path() + ":" + f.line() + " " + f.message();
  }
}
