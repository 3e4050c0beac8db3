package dev.keel.semantic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PythonTablesTest {
  private static final PythonTables T = PythonTables.get();

  @Test
  void modulesComeAndGoWithTheirVersions() {
    PythonVersion py38 = new PythonVersion(3, 8);
    PythonVersion py313 = new PythonVersion(3, 13);
    assertTrue(T.isStdlib("os", py38));
    assertTrue(T.isStdlib("asynchat", py38), "removed in 3.12");
    assertFalse(T.isStdlib("asynchat", py313));
    assertTrue(T.isStdlib("tomllib", new PythonVersion(3, 11)));
    assertFalse(T.isStdlib("tomllib", new PythonVersion(3, 10)));
    assertFalse(T.isStdlib("requests", py313));
    assertTrue(T.isStdlib("json", new PythonVersion(3, 14)), "newer targets use the newest table");
  }

  @Test
  void builtinsFollowTheVersion() {
    assertTrue(T.builtins(new PythonVersion(3, 10)).contains("aiter"));
    assertFalse(T.builtins(new PythonVersion(3, 9)).contains("aiter"));
    assertTrue(T.builtins(new PythonVersion(3, 11)).contains("ExceptionGroup"));
    assertTrue(T.builtins(new PythonVersion(3, 8)).contains("__import__"));
  }
}
