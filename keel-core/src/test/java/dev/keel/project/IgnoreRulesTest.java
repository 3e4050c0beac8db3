package dev.keel.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gitignore pattern semantics, case by case from git's documentation (gitignore(5)). */
class IgnoreRulesTest {
  @ParameterizedTest(name = "{0} on {1} (dir={2}) -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // A pattern without a slash matches at any depth.
        "*.log           | a.log            | false | true",
        "*.log           | x/y/a.log        | false | true",
        "*.log           | a.logx           | false | ",
        // A leading slash anchors to the .gitignore's folder.
        "/build          | build            | true  | true",
        "/build          | x/build          | true  | ",
        // A slash in the middle anchors too.
        "doc/frotz       | doc/frotz        | true  | true",
        "doc/frotz       | a/doc/frotz      | true  | ",
        // A trailing slash matches folders only.
        "tmp/            | tmp              | true  | true",
        "tmp/            | tmp              | false | ",
        "tmp/            | x/tmp            | true  | true",
        // ? and bracket classes.
        "?.py            | a.py             | false | true",
        "?.py            | ab.py            | false | ",
        "[abc].txt       | b.txt            | false | true",
        "[!abc].txt      | d.txt            | false | true",
        "[!abc].txt      | a.txt            | false | ",
        "file[0-9].py    | file7.py         | false | true",
        // Stars do not cross folders; ** does.
        "foo/*           | foo/bar          | false | true",
        "foo/*           | foo/bar/baz      | false | ",
        "**/foo          | foo              | true  | true",
        "**/foo          | a/b/foo          | true  | true",
        "**/foo/bar      | a/foo/bar        | false | true",
        "abc/**          | abc/x/y          | false | true",
        "a/**/b          | a/b              | false | true",
        "a/**/b          | a/x/y/b          | false | true",
        "a/**/b          | a/x/y/c          | false | ",
        // Escapes, comments and trailing spaces.
        "\\#notacomment  | #notacomment     | false | true",
        "\\!bang         | !bang            | false | true",
        "# comment       | # comment        | false | ",
        "name.txt        | name.txt         | false | true",
      })
  void pattern(String pattern, String path, boolean dir, Boolean expected) {
    IgnoreRules rules = IgnoreRules.parse("", List.of(pattern.strip()));
    assertEquals(expected, rules.verdict(path, dir));
  }

  @ParameterizedTest(name = "negation: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "keep.log   | false",
        "other.log  | true",
        "x/keep.log | false",
      })
  void negationReIncludesAndTheLastMatchWins(String path, boolean ignored) {
    IgnoreRules rules = IgnoreRules.parse("", List.of("*.log", "!keep.log"));
    assertEquals(ignored, rules.verdict(path, false));
  }

  @ParameterizedTest(name = "nested .gitignore in sub/: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sub/a.tmp       | true",
        "a.tmp           | ",
        "sub/deep/a.tmp  | true",
        "sub/only        | true",
        "sub/x/only      | ",
      })
  void patternsAreRelativeToTheirFolder(String path, Boolean ignored) {
    IgnoreRules rules = IgnoreRules.parse("sub", List.of("*.tmp", "/only"));
    assertEquals(ignored, rules.verdict(path, false));
  }

  @org.junit.jupiter.api.Test
  void trailingSpacesAreTrimmedUnlessEscaped() {
    assertEquals(true, IgnoreRules.parse("", List.of("a.txt   ")).verdict("a.txt", false));
    assertEquals(true, IgnoreRules.parse("", List.of("b\\ ")).verdict("b ", false));
  }
}
