package dev.keel.imported;

import dev.keel.finding.Severity;

/**
 * Which Keel family a Ruff rule belongs to, by its linter prefix (Ruff's own grouping): pyflakes'
 * names and imports to NAM, bandit to SEC, annotations to TYP, mccabe and pylint's refactoring
 * limits to CPX, style (pycodestyle, isort, quotes, pyupgrade) to PRJ, docstrings to DOC, logging
 * to LOG, pytest style to TST, the bug finders (bugbear, pyflakes' other checks, pylint errors and
 * warnings, Ruff's own) to REL.
 */
final class RuffFamilies {
  private RuffFamilies() {}

  static String family(String code) {
    if (code == null) {
      return "SYN"; // Ruff reports a file that does not parse with no code
    }
    if (code.equals("SIM115")) {
      return "REL"; // a file opened without a context manager leaks
    }
    String linter = letters(code);
    String number = code.substring(linter.length());
    return switch (linter) {
      case "F" -> number.startsWith("4") || number.startsWith("8") ? "NAM" : "REL";
      case "E" -> number.startsWith("9") ? "SYN" : number.startsWith("7") ? "REL" : "PRJ";
      case "W", "I", "Q", "COM", "UP", "ERA", "ISC", "FA", "CPY", "EXE" -> "PRJ";
      case "N", "ARG", "A" -> "NAM";
      case "S" -> "SEC";
      case "ANN", "TC", "TCH", "PYI" -> "TYP";
      case "C", "SIM", "PLR" -> "CPX";
      case "D" -> "DOC";
      case "G", "LOG" -> "LOG";
      case "PT" -> "TST";
      case "T" -> "CFG"; // T201 print, T100 debugger
      case "TID", "INP", "ICN" -> "ARC";
      default -> "REL";
    };
  }

  static Severity severity(String code, String family) {
    if (family.equals("SYN") || "F821".equals(code) || "F822".equals(code)) {
      return Severity.ERROR;
    }
    return family.equals("PRJ") || family.equals("DOC") ? Severity.INFO : Severity.WARNING;
  }

  /** Minutes to fix one by hand (one when Ruff fixes it safely). */
  static int effort(String family) {
    return switch (family) {
      case "PRJ", "NAM", "DOC" -> 2;
      case "SEC", "CPX" -> 15;
      default -> 5;
    };
  }

  private static String letters(String code) {
    int i = 0;
    while (i < code.length() && Character.isLetter(code.charAt(i))) {
      i++;
    }
    return code.substring(0, i);
  }
}
