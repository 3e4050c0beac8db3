package dev.keel.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.AtomicFile;
import dev.keel.ConfinedReader;
import dev.keel.config.ConfigException;
import dev.keel.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The findings a team has accepted, by fingerprint. {@code keel check} marks them and fails only on
 * new ones; {@code keel baseline} writes the file.
 */
public final class Baseline {
  /** One accepted finding; code, path and message are there for people reading the file. */
  public record Entry(String fingerprint, String code, String path, String message) {}

  /** The format this Keel writes and the newest it reads. */
  static final int FORMAT = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Entry> entries;

  /** Entries as read from a file, written back as they were (fields Keel does not know too). */
  private final Map<String, ObjectNode> verbatim;

  private Baseline(Map<String, Entry> entries, Map<String, ObjectNode> verbatim) {
    this.entries = entries;
    this.verbatim = verbatim;
  }

  public static Baseline empty() {
    return new Baseline(Map.of(), Map.of());
  }

  public static Baseline of(Collection<JudgedFinding> findings) {
    Map<String, Entry> m = new LinkedHashMap<>();
    findings.stream().sorted(JudgedFinding.ORDER).forEach(f -> m.put(f.fingerprint(), entryOf(f)));
    return new Baseline(m, Map.of());
  }

  private static Entry entryOf(JudgedFinding j) {
    Finding f = j.finding();
    return new Entry(j.fingerprint(), f.code(), f.path(), f.message());
  }

  /**
   * Reads a baseline; anything but a baseline of a format this Keel knows is a {@link
   * ConfigException} that names the file and what is wrong.
   */
  public static Baseline read(Path file) {
    return read(file, Optional.empty());
  }

  /**
   * Reads a baseline as {@link #read(Path)} does.
   *
   * @param project when present, the file must really be inside it (a baseline named by the
   *     repository: a committed link {@code .keel-baseline.json -> ~/.ssh/id_rsa} is refused, never
   *     read); empty for a path the user gave on the command line. Either way it must be a regular
   *     file: a FIFO is refused rather than waited on.
   */
  public static Baseline read(Path file, Optional<Path> project) {
    if (Files.isDirectory(file)) {
      throw new ConfigException("baseline " + file + " is a folder, not a file");
    }
    // A baseline may be large (one entry per accepted finding): no size limit but what fits.
    ConfinedReader reader = new ConfinedReader(project.orElse(null), Integer.MAX_VALUE - 16L);
    JsonNode root;
    try {
      root = JSON.readTree(reader.readOrThrow(file, file.toString()));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "baseline " + file + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("cannot read baseline " + file + ": " + AtomicFile.why(e));
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(
          "baseline "
              + file
              + " is not a Keel baseline: expected a JSON object with a \"findings\" array");
    }
    JsonNode format = root.get("keel_baseline");
    if (format != null && !format.isNull()) {
      if (!format.canConvertToExactIntegral() || format.asLong() < 1) {
        throw new ConfigException(
            "baseline " + file + " has \"keel_baseline\": " + format + "; expected " + FORMAT);
      }
      if (format.asLong() > FORMAT) {
        throw new ConfigException(
            "baseline "
                + file
                + " was written by a newer Keel (format "
                + format.asLong()
                + "; this Keel reads format "
                + FORMAT
                + "): upgrade Keel, or delete the file and run keel baseline");
      }
    }
    JsonNode list = root.get("findings");
    if (list == null || !list.isArray()) {
      throw new ConfigException("baseline " + file + " has no \"findings\" array");
    }
    Map<String, Entry> m = new LinkedHashMap<>();
    Map<String, ObjectNode> raw = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode n : list) {
      i++;
      if (!n.isObject()) {
        throw new ConfigException(
            "baseline " + file + ": entry " + i + " of \"findings\" is not an object");
      }
      JsonNode fp = n.get("fingerprint");
      if (fp == null || !fp.isTextual()) {
        throw new ConfigException(
            "baseline " + file + ": entry " + i + " has no \"fingerprint\" string");
      }
      Entry e =
          new Entry(
              fp.asText(),
              text(file, i, n, "code"),
              text(file, i, n, "path"),
              text(file, i, n, "message"));
      m.put(e.fingerprint(), e);
      raw.put(e.fingerprint(), (ObjectNode) n);
    }
    return new Baseline(m, raw);
  }

  private static String text(Path file, int i, JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new ConfigException(
          "baseline " + file + ": entry " + i + " has a \"" + key + "\" that is not a string");
    }
    return v.asText();
  }

  /**
   * Writes the baseline atomically (see {@link AtomicFile}): an interrupted or failed write leaves
   * the previous file as it was.
   *
   * @param project when present, the file must really be inside it (links and folders resolved);
   *     empty for a path the user gave on the command line
   */
  public void write(Path file, Optional<Path> project) {
    ObjectNode root = JSON.createObjectNode();
    root.put("keel_baseline", FORMAT);
    ArrayNode list = root.putArray("findings");
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparing(Entry::path).thenComparing(Entry::code));
    for (Entry e : sorted) {
      ObjectNode kept = verbatim.get(e.fingerprint());
      if (kept != null) {
        list.add(kept);
        continue;
      }
      ObjectNode n = list.addObject();
      n.put("fingerprint", e.fingerprint());
      n.put("code", e.code());
      n.put("path", e.path());
      n.put("message", e.message());
    }
    try {
      byte[] bytes = (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
      if (project.isPresent()) {
        AtomicFile.writeInside(project.get(), file, bytes);
      } else {
        AtomicFile.write(file, bytes);
      }
    } catch (IOException e) {
      throw new ConfigException("cannot write baseline " + file + ": " + AtomicFile.why(e));
    }
  }

  public boolean contains(String fingerprint) {
    return entries.containsKey(fingerprint);
  }

  public int size() {
    return entries.size();
  }

  public Collection<Entry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  /**
   * The baseline after a run that judged the entries {@code judged} accepts (their rule ran on
   * their file): of those, only the ones still found stay; every other entry is kept as it was,
   * since nothing was learned about it. With {@code acceptNew}, current findings the baseline does
   * not hold are added too.
   */
  public Baseline update(
      Collection<JudgedFinding> current, Predicate<Entry> judged, boolean acceptNew) {
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Entry e : entries.values()) {
      if (!judged.test(e)) {
        m.put(e.fingerprint(), e);
      }
    }
    for (JudgedFinding f : current) {
      Entry e = entries.get(f.fingerprint());
      if (e != null) {
        m.put(e.fingerprint(), e);
      } else if (acceptNew) {
        m.put(f.fingerprint(), entryOf(f));
      }
    }
    return new Baseline(m, verbatim);
  }
}
