package dev.keel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source roots read from each packaging style, as a user sees them: the dotted module name Keel
 * gives each file. Each project has its package under a folder no convention names, so only the
 * packaging can tell where the modules start.
 */
class ProjectLayoutTest {
  @TempDir Path tmp;

  private void write(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private Project discover() {
    return ProjectDiscovery.discover(List.of(tmp), Optional.empty(), c -> c);
  }

  private String module(Project p, String path) {
    return p.file(path).flatMap(ProjectFile::module).orElse("<none>");
  }

  /** A package {@code app} with a submodule, under {@code folder}. */
  private void app(String folder) throws IOException {
    write(folder + "/app/__init__.py", "");
    write(folder + "/app/core.py", "X = 1\n");
  }

  @Test
  void setuptoolsPackageDirInPyproject() throws IOException {
    write(
        "pyproject.toml",
        "[project]\nname='app'\n[tool.setuptools]\npackage-dir = {'' = 'code'}\n");
    app("code");
    Project p = discover();
    assertEquals("app.core", module(p, "code/app/core.py"));
    assertEquals(List.of("code", ""), p.layout().sourceRoots());
  }

  @Test
  void setuptoolsPackagesFindWhere() throws IOException {
    write(
        "pyproject.toml",
        "[project]\nname='app'\n[tool.setuptools.packages.find]\nwhere = ['python']\n");
    app("python");
    assertEquals("app.core", module(discover(), "python/app/core.py"));
  }

  @Test
  void hatchWheelPackages() throws IOException {
    write(
        "pyproject.toml",
        "[project]\nname='app'\n[tool.hatch.build.targets.wheel]\npackages = ['pkgs/app']\n");
    app("pkgs");
    assertEquals("app.core", module(discover(), "pkgs/app/core.py"));
  }

  @Test
  void poetryPackagesFrom() throws IOException {
    write(
        "pyproject.toml",
        "[tool.poetry]\nname='app'\npackages = [{include = 'app', from = 'source'}]\n");
    app("source");
    assertEquals("app.core", module(discover(), "source/app/core.py"));
  }

  @Test
  void pdmPackageDir() throws IOException {
    write("pyproject.toml", "[project]\nname='app'\n[tool.pdm.build]\npackage-dir = 'pysrc'\n");
    app("pysrc");
    assertEquals("app.core", module(discover(), "pysrc/app/core.py"));
  }

  @Test
  void uvModuleRoot() throws IOException {
    write(
        "pyproject.toml", "[project]\nname='app'\n[tool.uv.build-backend]\nmodule-root = 'pkg'\n");
    app("pkg");
    assertEquals("app.core", module(discover(), "pkg/app/core.py"));
  }

  @Test
  void flitModuleUnderSrc() throws IOException {
    write("pyproject.toml", "[project]\nname='app'\n[tool.flit.module]\nname = 'app'\n");
    app("src");
    assertEquals("app.core", module(discover(), "src/app/core.py"));
  }

  @Test
  void setupCfgPackageDirAndFindWhere() throws IOException {
    write(
        "setup.cfg",
        "[metadata]\nname = app\n\n[options]\npackage_dir =\n    =modules\npackages = find:\n\n"
            + "[options.packages.find]\nwhere = modules\n");
    app("modules");
    Project p = discover();
    assertEquals("app.core", module(p, "modules/app/core.py"));
    assertEquals(List.of("modules", ""), p.layout().sourceRoots());
  }

  @Test
  void setupPyReadWithTheParserNotARegularExpression() throws IOException {
    write(
        "setup.py",
        """
        from setuptools import setup, find_packages

        WHERE = "py"  # bound once at module level, used below

        setup(
            name="app",
            # package_dir={"": "wrong"} in a comment says nothing
            package_dir={"": WHERE},
            packages=find_packages(where=WHERE, exclude=["tests"]),
        )
        """);
    app("py");
    app("wrong");
    Project p = discover();
    assertEquals("app.core", module(p, "py/app/core.py"));
    assertEquals("wrong.app.core", module(p, "wrong/app/core.py"));
  }

  @Test
  void setupPyFindPackagesPositional() throws IOException {
    write(
        "setup.py",
        "import setuptools\nsetuptools.setup(packages=setuptools.find_packages('lib2'))\n");
    app("lib2");
    assertEquals("app.core", module(discover(), "lib2/app/core.py"));
  }

  @Test
  void srcAndLibConventions() throws IOException {
    write("pyproject.toml", "[project]\nname='app'\n");
    app("lib");
    write("src/other/__init__.py", "");
    Project p = discover();
    assertEquals("app.core", module(p, "lib/app/core.py"));
    assertEquals("other", module(p, "src/other/__init__.py"));
  }

  @Test
  void libThatIsAPackageIsNoLayoutFolder() throws IOException {
    write("pyproject.toml", "[project]\nname='app'\n");
    write("lib/__init__.py", "");
    write("lib/core.py", "");
    assertEquals("lib.core", module(discover(), "lib/core.py"));
  }

  @Test
  void djangoManagePyOneFolderDown() throws IOException {
    // netbox's shape: the repository root holds docs and requirements, the Django project sits in
    // netbox/ with manage.py, the settings package netbox/netbox/ and the apps beside it.
    write("requirements.txt", "Django\n");
    write(
        "netbox/manage.py",
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'netbox.settings')\n");
    write("netbox/netbox/__init__.py", "");
    write("netbox/netbox/settings.py", "");
    write("netbox/dcim/__init__.py", "");
    write("netbox/dcim/models.py", "");
    write("netbox/utilities/forms.py", "");
    write("scripts/tool.py", "");
    Project p = discover();
    assertEquals("netbox.settings", module(p, "netbox/netbox/settings.py"));
    assertEquals("dcim.models", module(p, "netbox/dcim/models.py"));
    assertEquals("utilities.forms", module(p, "netbox/utilities/forms.py"));
    assertEquals("scripts.tool", module(p, "scripts/tool.py"));
  }

  @Test
  void managePyAtTheRootKeepsTheRoot() throws IOException {
    write("manage.py", "import django\n");
    write("hc/__init__.py", "");
    write("hc/settings.py", "");
    write("docker/manage.py", "import django\n");
    assertEquals("hc.settings", module(discover(), "hc/settings.py"));
  }

  @Test
  void explicitSourceWins() throws IOException {
    write(
        "pyproject.toml",
        "[project]\nname='app'\n[tool.setuptools]\npackage-dir = {'' = 'code'}\n"
            + "[tool.keel]\nsource = ['.']\n");
    app("code");
    assertEquals("code.app.core", module(discover(), "code/app/core.py"));
  }

  @Test
  void subProjectsHaveTheirOwnRoots() throws IOException {
    // full-stack-fastapi-template's shape: no project at the root, backend/ is one, with a
    // src layout of its own; a second project declares its roots with hatch.
    write("README.md", "# template\n");
    write("backend/pyproject.toml", "[project]\nname='app'\n");
    app("backend/src");
    write("backend/tests/test_core.py", "");
    write(
        "services/worker/pyproject.toml",
        "[project]\nname='w'\n[tool.hatch.build.targets.wheel]\npackages=['code/worker']\n");
    write("services/worker/code/worker/__init__.py", "");
    write("services/worker/code/worker/jobs.py", "");
    // Test data shaped like a project is no sub-project.
    write("backend/tests/data/pkg/setup.py", "from setuptools import setup\nsetup()\n");
    write("backend/tests/data/pkg/mod.py", "");
    Project p = discover();
    assertEquals(List.of("backend", "services/worker"), p.layout().subprojects());
    assertEquals("app.core", module(p, "backend/src/app/core.py"));
    assertEquals("tests.test_core", module(p, "backend/tests/test_core.py"));
    assertEquals("worker.jobs", module(p, "services/worker/code/worker/jobs.py"));
    assertEquals("tests.data.pkg.mod", module(p, "backend/tests/data/pkg/mod.py"));
    assertEquals("backend", p.layout().projectOf("backend/src/app/core.py"));
    assertEquals("", p.layout().projectOf("README.md"));
  }

  @Test
  void brokenPackagingIsReadAsNoPackaging() throws IOException {
    write("pyproject.toml", "[project]\nname='app'\n");
    write("sub/pyproject.toml", "[project\nname=");
    write("sub/setup.py", "setup(package_dir={'': \n");
    write("sub/x/__init__.py", "");
    Project p = discover();
    assertEquals(List.of(), p.layout().subprojects());
    assertEquals("sub.x", module(p, "sub/x/__init__.py"));
  }
}
