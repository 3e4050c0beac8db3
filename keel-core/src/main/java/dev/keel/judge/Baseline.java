package dev.keel.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.config.ConfigException;
import dev.keel.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a team has accepted, by fingerprint. {@code keel check} marks them and fails only on
 * new ones; {@code keel baseline} writes the file.
 */
public final class Baseline {
  /** One accepted finding; code, path and message are there for people reading the file. */
  public record Entry(String fingerprint, String code, String path, String message) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Entry> entries;

  private Baseline(Map<String, Entry> entries) {
    this.entries = entries;
  }

  public static Baseline empty() {
    return new Baseline(Map.of());
  }

  public static Baseline of(Collection<Finding> findings) {
    Map<String, Entry> m = new LinkedHashMap<>();
    findings.stream()
        .sorted(Finding.ORDER)
        .forEach(
            f ->
                m.put(
                    f.fingerprint(), new Entry(f.fingerprint(), f.code(), f.path(), f.message())));
    return new Baseline(m);
  }

  public static Baseline read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "baseline " + file + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("cannot read baseline " + file + ": " + e.getMessage());
    }
    JsonNode list = root == null ? null : root.get("findings");
    if (list == null || !list.isArray()) {
      throw new ConfigException("baseline " + file + " has no \"findings\" array");
    }
    Map<String, Entry> m = new LinkedHashMap<>();
    for (JsonNode n : list) {
      JsonNode fp = n.get("fingerprint");
      if (fp == null || !fp.isTextual()) {
        throw new ConfigException("baseline " + file + " has an entry without a fingerprint");
      }
      m.put(
          fp.asText(),
          new Entry(fp.asText(), text(n, "code"), text(n, "path"), text(n, "message")));
    }
    return new Baseline(m);
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null ? "" : v.asText();
  }

  public void write(Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("keel_baseline", 1);
    ArrayNode list = root.putArray("findings");
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparing(Entry::path).thenComparing(Entry::code));
    for (Entry e : sorted) {
      ObjectNode n = list.addObject();
      n.put("fingerprint", e.fingerprint());
      n.put("code", e.code());
      n.put("path", e.path());
      n.put("message", e.message());
    }
    try {
      Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot write baseline " + file + ": " + e.getMessage());
    }
  }

  public boolean contains(String fingerprint) {
    return entries.containsKey(fingerprint);
  }

  public int size() {
    return entries.size();
  }

  /** Only the entries still found: a baseline shrinks as debt is paid, and never grows here. */
  public Baseline retainOnly(Collection<Finding> current) {
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Finding f : current) {
      Entry e = entries.get(f.fingerprint());
      if (e != null) {
        m.put(e.fingerprint(), e);
      }
    }
    return new Baseline(m);
  }
}
