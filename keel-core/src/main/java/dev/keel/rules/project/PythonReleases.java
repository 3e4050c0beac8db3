package dev.keel.rules.project;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * End-of-life dates of every Python minor release since 2.6, as the Python developer's guide lists
 * them at https://devguide.python.org/versions/. Dates after today are scheduled, not yet reached.
 */
final class PythonReleases {
  /** Minor release to the day it stopped (or stops) receiving security fixes, oldest first. */
  static final Map<String, LocalDate> END_OF_LIFE = new LinkedHashMap<>();

  static {
    END_OF_LIFE.put("2.6", LocalDate.of(2013, 10, 29));
    END_OF_LIFE.put("2.7", LocalDate.of(2020, 1, 1));
    END_OF_LIFE.put("3.0", LocalDate.of(2009, 6, 27));
    END_OF_LIFE.put("3.1", LocalDate.of(2012, 4, 9));
    END_OF_LIFE.put("3.2", LocalDate.of(2016, 2, 20));
    END_OF_LIFE.put("3.3", LocalDate.of(2017, 9, 29));
    END_OF_LIFE.put("3.4", LocalDate.of(2019, 3, 18));
    END_OF_LIFE.put("3.5", LocalDate.of(2020, 9, 30));
    END_OF_LIFE.put("3.6", LocalDate.of(2021, 12, 23));
    END_OF_LIFE.put("3.7", LocalDate.of(2023, 6, 27));
    END_OF_LIFE.put("3.8", LocalDate.of(2024, 10, 7));
    END_OF_LIFE.put("3.9", LocalDate.of(2025, 10, 31));
    END_OF_LIFE.put("3.10", LocalDate.of(2026, 10, 31));
    END_OF_LIFE.put("3.11", LocalDate.of(2027, 10, 31));
    END_OF_LIFE.put("3.12", LocalDate.of(2028, 10, 31));
    END_OF_LIFE.put("3.13", LocalDate.of(2029, 10, 31));
    END_OF_LIFE.put("3.14", LocalDate.of(2030, 10, 31));
  }

  /** Patch releases tried per minor; no CPython minor has had this many. */
  private static final int MAX_PATCH = 40;

  private PythonReleases() {}

  /** The oldest minor release that {@code admits} lets in and that is past its end of life. */
  static Optional<String> oldestAdmittedEndOfLife(
      Predicate<Pep440.Version> admits, LocalDate today) {
    for (Map.Entry<String, LocalDate> e : END_OF_LIFE.entrySet()) {
      if (!today.isBefore(e.getValue()) && admitsMinor(admits, e.getKey())) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** The oldest minor release still supported on {@code today}. */
  static Optional<String> oldestSupported(LocalDate today) {
    for (Map.Entry<String, LocalDate> e : END_OF_LIFE.entrySet()) {
      if (today.isBefore(e.getValue()) && !e.getKey().startsWith("2.")) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code admits} lets in one of {@code minor}'s releases (3.9.0, 3.9.1, ...). */
  static boolean admitsMinor(Predicate<Pep440.Version> admits, String minor) {
    for (int patch = 0; patch <= MAX_PATCH; patch++) {
      if (admits.test(Pep440.parseVersion(minor + "." + patch).orElseThrow())) {
        return true;
      }
    }
    return false;
  }
}
