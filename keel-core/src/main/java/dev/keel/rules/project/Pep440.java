package dev.keel.rules.project;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 version identifiers and version specifiers: parsing with the PEP's normalisation rules,
 * ordering, and matching (compatible release, wildcard and exclusive ordered comparisons, arbitrary
 * equality, pre-release exclusion). The semantics follow the PEP text and, where it leaves room,
 * the reference implementation in pypa/packaging.
 */
public final class Pep440 {
  private Pep440() {}

  /** The grammar of a version identifier, in any of the spellings PEP 440 normalises. */
  private static final String VERSION =
      "v?"
          + "(?:(?<epoch>[0-9]+)!)?"
          + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
          + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
          + "(?<post>(?:-(?<postn1>[0-9]+))"
          + "|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
          + "(?<dev>[-_.]?dev[-_.]?(?<devn>[0-9]+)?)?"
          + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?";

  private static final Pattern VERSION_PATTERN =
      Pattern.compile("\\s*" + VERSION + "\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern CLAUSE =
      Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S.*?)\\s*", Pattern.DOTALL);

  /** Parses a version identifier, accepting every spelling the PEP normalises. */
  public static Optional<Version> parseVersion(String text) {
    Matcher m = VERSION_PATTERN.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigInteger epoch =
        m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    String preLabel = null;
    BigInteger preNumber = null;
    if (m.group("pre") != null) {
      preLabel =
          switch (m.group("prel").toLowerCase(Locale.ROOT)) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
          };
      preNumber = m.group("pren") == null ? BigInteger.ZERO : new BigInteger(m.group("pren"));
    }
    BigInteger post = null;
    if (m.group("post") != null) {
      String n = m.group("postn1") != null ? m.group("postn1") : m.group("postn2");
      post = n == null ? BigInteger.ZERO : new BigInteger(n);
    }
    BigInteger dev = null;
    if (m.group("dev") != null) {
      dev = m.group("devn") == null ? BigInteger.ZERO : new BigInteger(m.group("devn"));
    }
    List<String> local = new ArrayList<>();
    if (m.group("local") != null) {
      for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
        local.add(
            part.chars().allMatch(Character::isDigit) ? new BigInteger(part).toString() : part);
      }
    }
    return Optional.of(
        new Version(text.strip(), epoch, release, preLabel, preNumber, post, dev, local));
  }

  public static boolean isValidVersion(String text) {
    return parseVersion(text).isPresent();
  }

  /** Parses a comma-separated specifier set such as {@code >=3.10, !=3.11.*}. */
  public static Optional<SpecifierSet> parseSpecifiers(String text) {
    List<Specifier> clauses = new ArrayList<>();
    if (text.isBlank()) {
      return Optional.of(new SpecifierSet(clauses));
    }
    for (String part : text.split(",", -1)) {
      Optional<Specifier> s = parseSpecifier(part);
      if (s.isEmpty()) {
        return Optional.empty();
      }
      clauses.add(s.get());
    }
    return Optional.of(new SpecifierSet(clauses));
  }

  /** Parses one clause such as {@code ~=2.2} or {@code ==1.4.*}. */
  public static Optional<Specifier> parseSpecifier(String text) {
    Matcher m = CLAUSE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String op = m.group(1);
    String value = m.group(2);
    if (op.equals("===")) {
      // Arbitrary equality: any string without whitespace, compared as text.
      return value.chars().anyMatch(Character::isWhitespace) || value.contains(",")
          ? Optional.empty()
          : Optional.of(new Specifier(op, value, null, false));
    }
    boolean wildcard = value.endsWith(".*");
    if (wildcard) {
      if (!op.equals("==") && !op.equals("!=")) {
        return Optional.empty();
      }
      value = value.substring(0, value.length() - 2);
    }
    Optional<Version> parsed = parseVersion(value);
    if (parsed.isEmpty() || !value.equals(value.strip())) {
      return Optional.empty();
    }
    Version v = parsed.get();
    boolean hasLocal = !v.local().isEmpty();
    if (hasLocal && (wildcard || !(op.equals("==") || op.equals("!=")))) {
      return Optional.empty();
    }
    if (op.equals("~=") && v.release().size() < 2) {
      return Optional.empty();
    }
    return Optional.of(new Specifier(op, value, v, wildcard));
  }

  /** A parsed version identifier; {@link #toString()} is its normalised form. */
  public static final class Version implements Comparable<Version> {
    private final String original;
    private final BigInteger epoch;
    private final List<BigInteger> release;
    private final String preLabel;
    private final BigInteger preNumber;
    private final BigInteger post;
    private final BigInteger dev;
    private final List<String> local;

    Version(
        String original,
        BigInteger epoch,
        List<BigInteger> release,
        String preLabel,
        BigInteger preNumber,
        BigInteger post,
        BigInteger dev,
        List<String> local) {
      this.original = original;
      this.epoch = epoch;
      this.release = List.copyOf(release);
      this.preLabel = preLabel;
      this.preNumber = preNumber;
      this.post = post;
      this.dev = dev;
      this.local = List.copyOf(local);
    }

    /** The text as written, trimmed (what {@code ===} compares). */
    public String original() {
      return original;
    }

    public List<BigInteger> release() {
      return release;
    }

    public List<String> local() {
      return local;
    }

    /** A pre-release or a developmental release. */
    public boolean isPrerelease() {
      return preLabel != null || dev != null;
    }

    public boolean isPostrelease() {
      return post != null;
    }

    public boolean isDevrelease() {
      return dev != null;
    }

    /** The release number of this version at {@code index}, zero past its end. */
    public int releasePart(int index) {
      return index < release.size() ? release.get(index).intValue() : 0;
    }

    /** Epoch and release only: {@code 1!2.0} for {@code 1!2.0rc1.post2+local}. */
    Version base() {
      return new Version(original, epoch, release, null, null, null, null, List.of());
    }

    /** Without the local label. */
    Version publicVersion() {
      return new Version(original, epoch, release, preLabel, preNumber, post, dev, List.of());
    }

    @Override
    public int compareTo(Version o) {
      int c = epoch.compareTo(o.epoch);
      if (c != 0) {
        return c;
      }
      int n = Math.max(release.size(), o.release.size());
      for (int i = 0; i < n; i++) {
        BigInteger a = i < release.size() ? release.get(i) : BigInteger.ZERO;
        BigInteger b = i < o.release.size() ? o.release.get(i) : BigInteger.ZERO;
        c = a.compareTo(b);
        if (c != 0) {
          return c;
        }
      }
      c = compareKeys(preKey(), o.preKey());
      if (c != 0) {
        return c;
      }
      c = compareKeys(postKey(), o.postKey());
      if (c != 0) {
        return c;
      }
      c = compareKeys(devKey(), o.devKey());
      if (c != 0) {
        return c;
      }
      return compareLocal(local, o.local);
    }

    // Keys are {rank, label, number}: rank -1 sorts first, 1 last, 0 compares label and number.
    private Object[] preKey() {
      if (preLabel == null && post == null && dev != null) {
        return new Object[] {-1, "", BigInteger.ZERO}; // 1.0.dev0 sorts before 1.0a0
      }
      if (preLabel == null) {
        return new Object[] {1, "", BigInteger.ZERO};
      }
      return new Object[] {0, preLabel, preNumber};
    }

    private Object[] postKey() {
      return post == null ? new Object[] {-1, "", BigInteger.ZERO} : new Object[] {0, "", post};
    }

    private Object[] devKey() {
      return dev == null ? new Object[] {1, "", BigInteger.ZERO} : new Object[] {0, "", dev};
    }

    private static int compareKeys(Object[] a, Object[] b) {
      int c = Integer.compare((Integer) a[0], (Integer) b[0]);
      if (c != 0) {
        return c;
      }
      c = ((String) a[1]).compareTo((String) b[1]); // "a" < "b" < "rc"
      if (c != 0) {
        return c;
      }
      return ((BigInteger) a[2]).compareTo((BigInteger) b[2]);
    }

    private static int compareLocal(List<String> a, List<String> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        String x = a.get(i);
        String y = b.get(i);
        boolean xn = isNumber(x);
        boolean yn = isNumber(y);
        int c;
        if (xn && yn) {
          c = new BigInteger(x).compareTo(new BigInteger(y));
        } else if (xn != yn) {
          c = xn ? 1 : -1; // numeric segments sort after alphanumeric ones
        } else {
          c = x.compareTo(y);
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }

    private static boolean isNumber(String s) {
      return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
      int end = release.size();
      while (end > 1 && release.get(end - 1).signum() == 0) {
        end--;
      }
      return Objects.hash(epoch, release.subList(0, end), preLabel, preNumber, post, dev, local);
    }

    /** The normalised form: {@code 1!2.0rc1.post2.dev3+ubuntu.1}. */
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      if (epoch.signum() != 0) {
        s.append(epoch).append('!');
      }
      for (int i = 0; i < release.size(); i++) {
        if (i > 0) {
          s.append('.');
        }
        s.append(release.get(i));
      }
      if (preLabel != null) {
        s.append(preLabel).append(preNumber);
      }
      if (post != null) {
        s.append(".post").append(post);
      }
      if (dev != null) {
        s.append(".dev").append(dev);
      }
      if (!local.isEmpty()) {
        s.append('+').append(String.join(".", local));
      }
      return s.toString();
    }

    /** Epoch, release numbers, then pre, post and dev tokens: what wildcard matching compares. */
    List<String> prefixComponents(int padReleaseTo) {
      List<String> parts = new ArrayList<>();
      parts.add(epoch + "!");
      for (int i = 0; i < Math.max(release.size(), padReleaseTo); i++) {
        parts.add(i < release.size() ? release.get(i).toString() : "0");
      }
      if (preLabel != null) {
        parts.add(preLabel + preNumber);
      }
      if (post != null) {
        parts.add("post" + post);
      }
      if (dev != null) {
        parts.add("dev" + dev);
      }
      return parts;
    }
  }

  /** One clause of a specifier set. */
  public static final class Specifier {
    private final String operator;
    private final String text;
    private final Version version;
    private final boolean wildcard;

    Specifier(String operator, String text, Version version, boolean wildcard) {
      this.operator = operator;
      this.text = text;
      this.version = version;
      this.wildcard = wildcard;
    }

    public String operator() {
      return operator;
    }

    /**
     * Whether this clause names a pre-release, which lets pre-releases match the whole set. As in
     * pypa/packaging (24.2 and later), every operator but {@code !=} opts in this way.
     */
    boolean admitsPrereleases() {
      return version != null && version.isPrerelease() && !operator.equals("!=");
    }

    /** Whether {@code candidate} satisfies this clause, ignoring the pre-release policy. */
    public boolean matches(Version candidate) {
      return switch (operator) {
        case "===" -> candidate.original().equalsIgnoreCase(text);
        case "==" -> equal(candidate);
        case "!=" -> !equal(candidate);
        case "~=" -> compatible(candidate);
        case "<=" -> candidate.publicVersion().compareTo(version) <= 0;
        case ">=" -> candidate.publicVersion().compareTo(version) >= 0;
        case "<" -> less(candidate);
        case ">" -> greater(candidate);
        default -> throw new IllegalStateException(operator);
      };
    }

    private boolean equal(Version candidate) {
      if (wildcard) {
        List<String> want = version.prefixComponents(0);
        List<String> have = candidate.publicVersion().prefixComponents(version.release.size());
        return have.size() >= want.size() && have.subList(0, want.size()).equals(want);
      }
      Version c = version.local.isEmpty() ? candidate.publicVersion() : candidate;
      return c.compareTo(version) == 0;
    }

    private boolean compatible(Version candidate) {
      // ~=V.N is >=V.N together with ==V.* (pre, post and dev dropped from the prefix).
      List<BigInteger> prefix = version.release.subList(0, version.release.size() - 1);
      Version prefixVersion =
          new Version("", version.epoch, prefix, null, null, null, null, List.of());
      Specifier sameSeries = new Specifier("==", "", prefixVersion, true);
      return candidate.publicVersion().compareTo(version) >= 0 && sameSeries.equal(candidate);
    }

    private boolean less(Version candidate) {
      Version c = candidate.publicVersion();
      if (c.compareTo(version) >= 0) {
        return false;
      }
      // <3.1 must not admit 3.1a1 or 3.1.dev0 unless it names a pre-release itself.
      return version.isPrerelease() || !c.isPrerelease() || c.base().compareTo(version.base()) != 0;
    }

    private boolean greater(Version candidate) {
      Version c = candidate.publicVersion();
      if (c.compareTo(version) <= 0) {
        return false;
      }
      // >1.7 must not admit 1.7.post1 unless it names a post-release itself, nor 1.7+local.
      if (!version.isPostrelease()
          && c.isPostrelease()
          && c.base().compareTo(version.base()) == 0) {
        return false;
      }
      return candidate.local.isEmpty() || candidate.base().compareTo(version.base()) != 0;
    }

    @Override
    public String toString() {
      return operator + (version == null ? text : version + (wildcard ? ".*" : ""));
    }
  }

  /** A comma-separated conjunction of clauses; the empty set admits every final release. */
  public static final class SpecifierSet {
    private final List<Specifier> clauses;

    SpecifierSet(List<Specifier> clauses) {
      this.clauses = List.copyOf(clauses);
    }

    public List<Specifier> clauses() {
      return clauses;
    }

    /**
     * Whether {@code candidate} satisfies every clause. Pre-releases are excluded unless a clause
     * names one (PEP 440's default).
     */
    public boolean contains(Version candidate) {
      boolean prereleases = clauses.stream().anyMatch(Specifier::admitsPrereleases);
      return contains(candidate, prereleases);
    }

    public boolean contains(Version candidate, boolean includePrereleases) {
      if (candidate.isPrerelease() && !includePrereleases) {
        return false;
      }
      return clauses.stream().allMatch(s -> s.matches(candidate));
    }

    /**
     * The candidates this set selects, as an installer would: final releases, and pre-releases only
     * when a clause names one or when no final release matches.
     */
    public List<Version> filter(List<Version> candidates) {
      List<Version> finals = new ArrayList<>();
      List<Version> pres = new ArrayList<>();
      for (Version v : candidates) {
        if (contains(v)) {
          finals.add(v);
        } else if (v.isPrerelease() && contains(v, true)) {
          pres.add(v);
        }
      }
      return finals.isEmpty() ? pres : finals;
    }

    @Override
    public String toString() {
      return String.join(",", clauses.stream().map(Specifier::toString).toList());
    }
  }
}
