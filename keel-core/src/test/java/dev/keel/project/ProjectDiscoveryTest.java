package dev.keel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDiscoveryTest {
  @TempDir Path tmp;

  private Path write(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private Map<String, String> describe(Project project) {
    Map<String, String> m = new TreeMap<>();
    for (ProjectFile f : project.files()) {
      m.put(f.path(), f.kind() + f.module().map(n -> " " + n).orElse(""));
    }
    return m;
  }

  @Test
  void srcLayoutNamesModulesFromSrcAndSortsFilesIntoKinds() throws IOException {
    write("pyproject.toml", "[project]\nname='app'\n");
    write("src/app/__init__.py", "");
    write("src/app/core/models.py", "");
    write("src/app/core/__init__.py", "");
    write("tests/test_models.py", "");
    write("tests/conftest.py", "");
    write("src/app/models_test.py", "");
    write("notebooks/explore.ipynb", "{}");
    write("README.md", "");
    Project p = ProjectDiscovery.discover(List.of(tmp), Optional.empty(), c -> c);
    assertEquals(tmp, p.root());
    assertEquals(
        Map.of(
            "pyproject.toml", "OTHER",
            "README.md", "OTHER",
            "notebooks/explore.ipynb", "NOTEBOOK",
            "src/app/__init__.py", "SOURCE app",
            "src/app/core/__init__.py", "SOURCE app.core",
            "src/app/core/models.py", "SOURCE app.core.models",
            "src/app/models_test.py", "TEST app.models_test",
            "tests/conftest.py", "TEST tests.conftest",
            "tests/test_models.py", "TEST tests.test_models"),
        describe(p));
  }

  @Test
  void flatLayoutAndNamespacePackages() throws IOException {
    write("setup.cfg", "[metadata]\nname = flat\n");
    write("flat/__init__.py", "");
    write("flat/mod.py", "");
    write("nspkg/sub/thing.py", ""); // no __init__.py anywhere: PEP 420 namespace package
    write("my-scripts/run_it.py", ""); // not a package name: the module starts after it
    Project p = ProjectDiscovery.discover(List.of(tmp), Optional.empty(), c -> c);
    Map<String, String> d = describe(p);
    assertEquals("SOURCE flat", d.get("flat/__init__.py"));
    assertEquals("SOURCE flat.mod", d.get("flat/mod.py"));
    assertEquals("SOURCE nspkg.sub.thing", d.get("nspkg/sub/thing.py"));
    assertEquals("SOURCE run_it", d.get("my-scripts/run_it.py"));
  }

  @Test
  void rootIsTheNearestFolderWithAMarker() throws IOException {
    write("pyproject.toml", "");
    write("pkg/sub/deep.py", "");
    Project p =
        ProjectDiscovery.discover(List.of(tmp.resolve("pkg/sub")), Optional.empty(), c -> c);
    assertEquals(tmp, p.root());
    assertTrue(p.inScope("pkg/sub/deep.py"));
    assertTrue(!p.inScope("pyproject.toml"));
  }

  @Test
  void gitignoreFilesNestedGitignoresAndDefaultExcludesAreHonoured() throws IOException {
    write("pyproject.toml", "");
    write(".gitignore", "*.gen.py\n/out/\nsecret*\n!secret_ok.py\n");
    write("app/a.py", "");
    write("app/b.gen.py", "");
    write("out/x.py", "");
    write("app/out/y.py", ""); // /out/ is anchored to the root
    write("app/secret_key.py", "");
    write("app/secret_ok.py", "");
    write("app/sub/.gitignore", "local.py\n");
    write("app/sub/local.py", "");
    write("app/local.py", "");
    write(".venv/lib/v.py", "");
    write("node_modules/n.py", "");
    write("build/b.py", "");
    write("app/__pycache__/c.py", "");
    write("env2/pyvenv.cfg", "home = /usr\n");
    write("env2/lib/site.py", "");
    write("pkg.egg-info/e.py", "");
    Project p = ProjectDiscovery.discover(List.of(tmp), Optional.empty(), c -> c);
    assertEquals(
        List.of(
            ".gitignore",
            "app/a.py",
            "app/local.py",
            "app/out/y.py",
            "app/secret_ok.py",
            "app/sub/.gitignore",
            "pyproject.toml"),
        p.files().stream().map(ProjectFile::path).toList());
  }

  @Test
  void configuredExcludesUseGitignorePatterns() throws IOException {
    write("pyproject.toml", "[tool.keel]\nexclude = [\"migrations/\", \"*_pb2.py\"]\n");
    write("app/a.py", "");
    write("app/migrations/0001.py", "");
    write("app/thing_pb2.py", "");
    Project p = ProjectDiscovery.discover(List.of(tmp), Optional.empty(), c -> c);
    assertEquals(
        List.of("app/a.py", "pyproject.toml"), p.files().stream().map(ProjectFile::path).toList());
  }

  @Test
  void configuredSourceRoots() throws IOException {
    write("pyproject.toml", "[tool.keel]\nsource = [\"lib\"]\n");
    write("lib/pkg/m.py", "");
    Project p = ProjectDiscovery.discover(List.of(tmp), Optional.empty(), c -> c);
    assertEquals("pkg.m", p.file("lib/pkg/m.py").orElseThrow().module().orElseThrow());
  }

  @Test
  void aFolderWithoutPythonIsAnError() throws IOException {
    write("README.md", "");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ProjectDiscovery.discover(List.of(tmp), Optional.empty(), c -> c));
    assertTrue(e.getMessage().startsWith("no Python files found under"), e.getMessage());
  }
}
