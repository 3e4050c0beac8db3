package dev.keel.rules.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PEP 440's own examples, section by section. */
class Pep440Test {
  private static Pep440.Version v(String text) {
    return Pep440.parseVersion(text).orElseThrow(() -> new AssertionError("invalid: " + text));
  }

  private static Pep440.SpecifierSet spec(String text) {
    return Pep440.parseSpecifiers(text).orElseThrow(() -> new AssertionError("invalid: " + text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Public version identifiers, final releases, pre/post/dev releases and epochs.
        "0.1",
        "0.10",
        "0.10.1",
        "0.10.1.0",
        "1.0",
        "2012.4",
        "2012.10",
        "1.0.dev0",
        "1.0a1",
        "1.0b2",
        "1.0rc1",
        "1.0.post1",
        "1.0.dev456",
        "1.0a2.dev456",
        "1.0b2.post345.dev456",
        "1!1.0",
        "1!2.0",
        "1.0+ubuntu-1",
        "1.0+abc.5",
        "1.0+5",
        "2013b0",
        "1.0c1",
        // Spellings the normalisation section accepts.
        "1.1RC1",
        "1.1.a1",
        "1.1-a1",
        "1.0a.1",
        "1.1alpha1",
        "1.1beta2",
        "1.1c3",
        "1.2a",
        "1.2-post2",
        "1.2post2",
        "1.0-r4",
        "1.0-rev4",
        "1.2.post",
        "1.0-1",
        "1.2-dev2",
        "1.2dev2",
        "1.2.dev",
        "v1.0",
        "  1.0\n",
        "1.0_post_2",
        "1.0-pre-1",
        "1.0.preview1"
      })
  void acceptsValidVersions(String text) {
    assertTrue(Pep440.isValidVersion(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "french toast",
        "1.0-",
        "1.0+",
        "1.0+a+",
        "1.0++",
        "1.0+_foobar",
        "1.0+foo&asd",
        "1.0+1+1",
        "1.0-final",
        "2024.1.1-gamma",
        "1.0.x",
        "v",
        "1..0",
        ".1",
        "1.0.",
        "1.0 beta",
        "1!",
        "!1.0",
        "1.0.post1.post2",
        "1.0a1b1",
        "latest"
      })
  void rejectsInvalidVersions(String text) {
    assertFalse(Pep440.isValidVersion(text), text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.1RC1|1.1rc1",
        "00|0",
        "09000|9000",
        "1.0+foo0100|1.0+foo0100",
        "1.1.a1|1.1a1",
        "1.1-a1|1.1a1",
        "1.0a.1|1.0a1",
        "1.1alpha1|1.1a1",
        "1.1beta2|1.1b2",
        "1.1c3|1.1rc3",
        "1.1pre1|1.1rc1",
        "1.1preview1|1.1rc1",
        "1.2a|1.2a0",
        "1.2-post2|1.2.post2",
        "1.2post2|1.2.post2",
        "1.2.post-2|1.2.post2",
        "1.0-r4|1.0.post4",
        "1.0-rev4|1.0.post4",
        "1.2.post|1.2.post0",
        "1.0-1|1.0.post1",
        "1.2-dev2|1.2.dev2",
        "1.2dev2|1.2.dev2",
        "1.2.dev|1.2.dev0",
        "1.0+ubuntu-1|1.0+ubuntu.1",
        "1.0+Ubuntu_1|1.0+ubuntu.1",
        "1.0+abc.007|1.0+abc.7",
        "v1.0|1.0",
        "V1.0|1.0",
        "0!1.0|1.0",
        "1!1.0|1!1.0",
        "1.0.0|1.0.0",
        "1.0-pre-1.POST-2.DEV-3|1.0rc1.post2.dev3"
      })
  void normalises(String text, String normal) {
    assertEquals(normal, v(text).toString());
  }

  @Test
  void normalisationStripsSurroundingWhitespace() {
    assertEquals("1.0", v("  1.0\n").toString());
  }

  @Test
  void ordersTheSummaryExampleOfThePep() {
    List<String> ordered =
        List.of(
            "1.dev0",
            "1.0.dev456",
            "1.0a1",
            "1.0a2.dev456",
            "1.0a12.dev456",
            "1.0a12",
            "1.0b1.dev456",
            "1.0b2",
            "1.0b2.post345.dev456",
            "1.0b2.post345",
            "1.0rc1.dev456",
            "1.0rc1",
            "1.0",
            "1.0+abc.5",
            "1.0+abc.7",
            "1.0+5",
            "1.0.post456.dev34",
            "1.0.post456",
            "1.0.15",
            "1.1.dev1");
    assertSortsAs(ordered);
  }

  @Test
  void ordersEpochsBeforeEverythingElse() {
    assertSortsAs(List.of("2013.10", "2014.04", "1!1.0", "1!1.1", "1!2.0"));
  }

  @Test
  void ordersLocalVersionsNumericAfterAlphanumeric() {
    assertSortsAs(
        List.of("1.0", "1.0+abc", "1.0+abc.1", "1.0+abc.2", "1.0+abc.10", "1.0+xyz", "1.0+1"));
  }

  @Test
  void trailingZerosAreEqualForComparison() {
    assertEquals(v("1.0"), v("1.0.0"));
    assertEquals(v("1.0").hashCode(), v("1.0.0.0").hashCode());
    assertEquals(v("1.0.post0"), v("1.post0"));
    assertEquals(v("1.0.post0").hashCode(), v("1.post0").hashCode());
    assertEquals(0, v("1.1").compareTo(v("1.1.0")));
    assertFalse(v("1.0").equals(v("1.0+0")));
  }

  private static void assertSortsAs(List<String> ordered) {
    List<Pep440.Version> shuffled = new ArrayList<>(ordered.stream().map(Pep440Test::v).toList());
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(ordered, shuffled.stream().map(Pep440.Version::original).toList());
    for (int i = 1; i < ordered.size(); i++) {
      assertTrue(v(ordered.get(i - 1)).compareTo(v(ordered.get(i))) < 0, ordered.get(i));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "~=3.1", "~= 3.1.2", "~=3.1a1", "== 3.1", "== 3.1.*", "~=3.1.0, != 3.1.3", ">= 1.4.5",
        "<=2.0", "<3", ">1.7.post2", "===foobar", "!=1.1.*", "==1.0+local", "!=1.0+local.7",
        ">=3.8, <4", "  >=3.11 ", "", "==1!2.0", ">=1.0.dev0"
      })
  void acceptsValidSpecifierSets(String text) {
    assertTrue(Pep440.parseSpecifiers(text).isPresent(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "~=1",
        "~=1.*",
        ">=3.8.*",
        "<1.0.*",
        "~=1.0+local",
        ">=1.0+local",
        "==1.0+local.*",
        "=1.0",
        "1.0",
        ">=3.8,",
        ",>=3.8",
        ">=",
        "=>3.8",
        "==french toast",
        ">=3.8 <4",
        "== 1.0.*.*",
        "=== ",
        ">=3.8;"
      })
  void rejectsInvalidSpecifierSets(String text) {
    assertFalse(Pep440.parseSpecifiers(text).isPresent(), text);
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Compatible release: ~=2.2 is >=2.2, ==2.*; ~=1.4.5 is >=1.4.5, ==1.4.*.
        "~=2.2|2.2|true",
        "~=2.2|2.9|true",
        "~=2.2|3.0|false",
        "~=2.2|2.1|false",
        "~=1.4.5|1.4.5|true",
        "~=1.4.5|1.4.99|true",
        "~=1.4.5|1.5.0|false",
        "~=2.2.post3|2.2.post3|true",
        "~=2.2.post3|2.2|false",
        "~=2.2.post3|2.3|true",
        "~=2.2.post3|3.0|false",
        "~=1.4.5a4|1.4.5|true",
        "~=1.4.5a4|1.4.5a4|true",
        "~=1.4.5a4|1.5|false",
        "~=2.2.0|2.2.5|true",
        "~=2.2.0|2.3|false",
        "~=1.4.5.0|1.4.5.9|true",
        "~=1.4.5.0|1.4.6|false",
        "~=3.1a1|3.5|true",
        "~=3.1a1|4.0|false",
        // Version matching, given 1.1.post1, 1.1a1 and 1.1.
        "==1.1|1.1.post1|false",
        "==1.1.post1|1.1.post1|true",
        "==1.1.*|1.1.post1|true",
        "==1.1|1.1.0|true",
        "==1.1.0|1.1|true",
        "==1.1.dev1|1.1|false",
        "==1.1a1|1.1|false",
        "==1.1.post1|1.1|false",
        "==1.1.*|1.1|true",
        "==1.1.*|1.10|false",
        "==1.1.*|1.1.5|true",
        "==1.*|1|true",
        "==1!1.*|1.5|false",
        "==1!1.*|1!1.5|true",
        "~=1!2.2|1!2.9|true",
        "~=1!2.2|2.9|false",
        "==3.1|3.1.1|false",
        "==3.1.*|3.1.9|true",
        "==3.1.*|3.2|false",
        // Local versions: ignored unless the clause names one.
        "==1.0|1.0+ubuntu.1|true",
        "==1.0+ubuntu.1|1.0+ubuntu.1|true",
        "==1.0+ubuntu.1|1.0|false",
        "==1.0+ubuntu.1|1.0+ubuntu.2|false",
        "!=1.0|1.0+ubuntu.1|false",
        // Version exclusion.
        "!=1.1|1.1.0|false",
        "!=1.1|1.1.post1|true",
        "!=1.1.*|1.1.2|false",
        "!=1.1.*|1.2|true",
        // Inclusive and exclusive ordered comparisons.
        "<=2.0|2.0|true",
        "<=2.0|2.0.post1|false",
        ">=2.0|2.0|true",
        ">=2.0|1.9|false",
        ">=1.0|1.0+local|true",
        ">1.7|1.7.1|true",
        ">1.7|1.7.0.post1|false",
        ">1.7|1.7|false",
        ">1.7|1.7+local|false",
        ">1.7.post2|1.7.1|true",
        ">1.7.post2|1.7.0.post3|true",
        ">1.7.post2|1.7.0|false",
        "<3.1|3.0|true",
        "<3.1|3.1|false",
        "<3.1|3.0.9|true",
        // Arbitrary equality compares text.
        "===foobar|foobar|true",
        "===1.0|1.0|true",
        "===1.0|1.0.0|false",
        "===1.0|1.0+downstream1|false",
        // Combinations.
        "~=3.1.0,!=3.1.3|3.1.0|true",
        "~=3.1.0,!=3.1.3|3.1.3|false",
        "~=3.1.0,!=3.1.3|3.2.0|false",
        ">=3.8,<4|3.12|true",
        ">=3.8,<4|4.0|false",
        "''|1.0|true"
      })
  void matchesAsThePepSays(String specifiers, String version, boolean expected) {
    String text = specifiers.equals("''") ? "" : specifiers;
    Pep440.Version candidate =
        version.equals("foobar")
            ? new Pep440.Version(
                "foobar",
                java.math.BigInteger.ZERO,
                List.of(java.math.BigInteger.ZERO),
                null,
                null,
                null,
                null,
                List.of())
            : v(version);
    assertEquals(expected, spec(text).contains(candidate), specifiers + " contains " + version);
  }

  @Test
  void excludesPreReleasesUnlessAClauseNamesOne() {
    assertFalse(spec(">=1.0").contains(v("2.0a1")));
    assertFalse(spec(">=1.0").contains(v("2.0.dev1")));
    assertTrue(spec(">=1.0").contains(v("2.0a1"), true));
    assertTrue(spec(">=1.0a1").contains(v("2.0a1")));
    assertTrue(spec("==2.0rc1").contains(v("2.0rc1")));
    assertTrue(spec("~=1.4.5a4").contains(v("1.4.5b1")));
    // != never opts in: naming a pre-release to exclude it admits no others.
    assertFalse(spec("!=2.0a1").contains(v("2.0a2")));
    // An exclusive bound never admits a pre-release of the version it names...
    assertFalse(spec("<3.1").contains(v("3.1a1"), true));
    assertFalse(spec("<3.1").contains(v("3.1.dev0"), true));
    assertTrue(spec("<3.1").contains(v("3.0a1"), true));
    // ...unless that version is a pre-release itself, which also opts in to pre-releases.
    assertTrue(spec("<3.1rc1").contains(v("3.1a1")));
    assertFalse(spec("<3.1rc1").contains(v("3.1rc1")));
  }

  @Test
  void installersFallBackToPreReleasesWhenNoFinalReleaseMatches() {
    List<Pep440.Version> available = List.of(v("1.0"), v("2.0a1"), v("2.0b1"));
    assertEquals(List.of(v("1.0")), spec(">=1.0").filter(available));
    assertEquals(List.of(v("2.0a1"), v("2.0b1")), spec(">=2.0.dev0").filter(available));
    assertEquals(List.of(v("2.0a1"), v("2.0b1")), spec(">1.0").filter(available));
  }
}
