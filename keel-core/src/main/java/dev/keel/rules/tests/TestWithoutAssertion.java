package dev.keel.rules.tests;

import dev.keel.finding.Severity;
import dev.keel.finding.Span;
import dev.keel.project.FileKind;
import dev.keel.project.ProjectFile;
import dev.keel.rule.FindingSink;
import dev.keel.rule.ProjectContext;
import dev.keel.rule.ProjectRule;
import dev.keel.rule.RuleSpec;
import dev.keel.semantic.ImportRecord;
import dev.keel.semantic.ModuleFacts;
import dev.keel.semantic.ModuleSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project rule because an assertion may sit in a helper of another test module: each test
 * module's summary says which of its functions assert by themselves or through the module's own
 * functions ({@link ModuleFacts.TestFacts}); this rule follows the remaining calls, resolved
 * through imports, into the other test modules until nothing more asserts.
 */
@RuleSpec(
    code = "TST001",
    summary = "a test function asserts nothing, so it catches crashes but never a wrong result",
    severity = Severity.WARNING,
    effortMinutes = 15)
final class TestWithoutAssertion implements ProjectRule {
  /** The longest chain of re-exports ({@code from .impl import check}) followed to a helper. */
  private static final int MAX_REEXPORTS = 4;

  @Override
  public void check(ProjectContext project, FindingSink out) {
    Helpers helpers = new Helpers(project);
    if (helpers.testModules.isEmpty()) {
      return;
    }
    Set<String> asserting = helpers.asserting();
    for (ModuleSummary s : helpers.testModules) {
      for (ModuleFacts.Silent f : s.facts().tests().silent()) {
        if (f.isTest() && !asserting.contains(Helpers.key(s, f.name()))) {
          String name = f.name().substring(f.name().lastIndexOf('.') + 1);
          out.report(
              s.path(),
              new Span(f.line(), f.column(), f.endLine(), f.endColumn()),
              "test '"
                  + name
                  + "' asserts nothing (no assert, pytest.raises, self.assert…, mock assert_… or"
                  + " asserting helper): it fails only if the code raises, never if it returns a"
                  + " wrong result");
        }
      }
    }
  }

  /** The functions of the test modules, and which of them assert through calls between modules. */
  private static final class Helpers {
    /** A call into a test module this run did not read: given the benefit of the doubt. */
    private static final String UNREAD = "";

    final List<ModuleSummary> testModules = new ArrayList<>();
    private final Map<String, ModuleSummary> byModule = new HashMap<>();
    private final Set<String> testPaths = new HashSet<>();
    private final Set<String> unreadTestModules = new HashSet<>();

    /** Every test-module function (fixtures aside), by {@link #key}. */
    private final Set<String> functions = new HashSet<>();

    Helpers(ProjectContext project) {
      for (ModuleSummary s : project.modules()) {
        if (!s.module().isEmpty()) {
          byModule.putIfAbsent(s.module(), s);
        }
        if (isTest(project, s)) {
          testModules.add(s);
          testPaths.add(s.path());
          for (String a : s.facts().tests().asserting()) {
            functions.add(key(s, a));
          }
          for (ModuleFacts.Silent f : s.facts().tests().silent()) {
            functions.add(key(s, f.name()));
          }
        }
      }
      // Outside the paths asked about (`keel check tests/test_api.py`): not summarised.
      for (ProjectFile file : project.files(f -> f.kind() == FileKind.TEST)) {
        file.module().filter(m -> !byModule.containsKey(m)).ifPresent(unreadTestModules::add);
      }
    }

    /** A function by its module's dotted name, or its path when the module has none. */
    static String key(ModuleSummary s, String name) {
      return s.module().isEmpty() ? s.path() + ":" + name : s.module() + "." + name;
    }

    /**
     * The keys of the test-module functions that assert, directly, through their own module or
     * through helpers of other test modules: a fixed point over the calls between modules.
     */
    Set<String> asserting() {
      Set<String> asserting = new HashSet<>();
      Map<String, List<String>> calls = new HashMap<>();
      for (ModuleSummary s : testModules) {
        for (String a : s.facts().tests().asserting()) {
          asserting.add(key(s, a));
        }
        for (ModuleFacts.Silent f : s.facts().tests().silent()) {
          List<String> targets = new ArrayList<>();
          for (String c : f.calls()) {
            resolve(c, s).ifPresent(targets::add);
          }
          if (targets.contains(UNREAD)) {
            asserting.add(key(s, f.name()));
          } else if (!targets.isEmpty()) {
            calls.put(key(s, f.name()), targets);
          }
        }
      }
      boolean grew = true;
      while (grew) {
        grew = false;
        for (Map.Entry<String, List<String>> e : calls.entrySet()) {
          if (!asserting.contains(e.getKey())
              && e.getValue().stream().anyMatch(asserting::contains)) {
            grew |= asserting.add(e.getKey());
          }
        }
      }
      return asserting;
    }

    /**
     * The test-module function a call's dotted name reaches from module {@code caller}: the longest
     * prefix that names a module, then the function in it, or where that module imports it from.
     * When no module of the project has the prefix, pytest's way of importing test modules applies:
     * their folder is on {@code sys.path}, so {@code import helpers} in {@code tests/test_api.py}
     * is {@code tests.helpers}.
     */
    private Optional<String> resolve(String target, ModuleSummary caller) {
      if (caller.module().isEmpty()) {
        String local = key(caller, target);
        return functions.contains(local) ? Optional.of(local) : Optional.empty();
      }
      Reach reach = inModule(target, 0);
      String pkg = caller.isPackageInit() ? caller.module() : parent(caller.module());
      while (!reach.known() && !pkg.isEmpty()) {
        reach = inModule(pkg + "." + target, 0);
        pkg = parent(pkg);
      }
      return reach.function();
    }

    /** What a dotted name reaches among the project's modules. */
    private record Reach(boolean known, Optional<String> function) {
      /** No module of the project is a prefix of the name. */
      static final Reach UNKNOWN = new Reach(false, Optional.empty());

      /** A module of the project, but no test helper in it. */
      static final Reach NO_HELPER = new Reach(true, Optional.empty());

      static Reach helper(String key) {
        return new Reach(true, Optional.of(key));
      }
    }

    private Reach inModule(String target, int depth) {
      for (int dot = target.lastIndexOf('.'); dot > 0; dot = target.lastIndexOf('.', dot - 1)) {
        String module = target.substring(0, dot);
        ModuleSummary m = byModule.get(module);
        if (m == null) {
          if (unreadTestModules.contains(module)) {
            return Reach.helper(UNREAD);
          }
          continue;
        }
        if (!testPaths.contains(m.path())) {
          // A function of the code under audit is no test helper, whatever its name.
          return Reach.NO_HELPER;
        }
        String name = target.substring(dot + 1);
        String key = key(m, name);
        if (functions.contains(key)) {
          return Reach.helper(key);
        }
        // Re-exported: `from .impl import same` in tests/helpers/__init__.py.
        String head = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (depth < MAX_REEXPORTS) {
          for (ImportRecord r : m.imports()) {
            if (r.isFrom() && (r.names().contains(head) || r.names().contains("*"))) {
              Reach via = inModule(r.module() + "." + name, depth + 1);
              if (via.function().isPresent()) {
                return via;
              }
            }
          }
        }
        return Reach.NO_HELPER;
      }
      return Reach.UNKNOWN;
    }

    private static String parent(String module) {
      int dot = module.lastIndexOf('.');
      return dot < 0 ? "" : module.substring(0, dot);
    }

    private static boolean isTest(ProjectContext project, ModuleSummary s) {
      return project.project().file(s.path()).map(f -> f.kind() == FileKind.TEST).orElse(false);
    }
  }
}
