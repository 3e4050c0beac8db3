package dev.keel.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.cache.RecordCodec;
import dev.keel.cache.Samples;
import dev.keel.finding.Finding;
import dev.keel.semantic.ModuleFacts;
import dev.keel.semantic.ModuleSummary;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the result cache stores for a file comes back equal, every component of every record in it
 * filled in. The sample is built by reflection, so a component added to {@link Finding}, {@link
 * ModuleSummary} or anything they hold is in it at once: it round-trips, or this test (or the
 * codec's construction) fails naming the component.
 */
class FileCacheCodecTest {
  @Test
  void aStoredResultWithEveryComponentFilledComesBackEqual() throws Exception {
    RecordCodec<FileCache.Stored> codec = FileCache.codec();
    FileCache.Stored stored = Samples.of(FileCache.Stored.class);
    FileCache.Stored back = codec.decode(codec.encode(stored));
    assertEquals(stored, back);
    // Equality of records is only as good as their components' equals: compare the text too.
    assertEquals(stored.toString(), back.toString());
    FileCache.Stored other = Samples.other(FileCache.Stored.class);
    assertNotEquals(stored, other);
    assertEquals(other, codec.decode(codec.encode(other)));
  }

  @Test
  void theSampleReallyFillsEveryComponent() {
    FileCache.Stored stored = Samples.of(FileCache.Stored.class);
    List<String> empty = new ArrayList<>();
    check(stored, "Stored", empty);
    assertEquals(List.of(), empty, "components the sample left empty");
    assertTrue(stored.summary().isPresent());
    assertEquals(2, stored.findings().size());
  }

  @Test
  void theSchemaCoversTheFindingAndTheSummaryComponentByComponent() {
    String schema = FileCache.codec().schema();
    for (Class<?> c : List.of(Finding.class, ModuleSummary.class, ModuleFacts.class)) {
      for (RecordComponent rc : c.getRecordComponents()) {
        assertTrue(schema.contains(rc.getName() + ":"), c.getSimpleName() + "." + rc.getName());
      }
    }
  }

  /** Every record component on the way down is non-empty (present, non-blank, non-zero size). */
  private static void check(Object v, String where, List<String> empty) {
    switch (v) {
      case null -> empty.add(where);
      case Record r -> {
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
          try {
            var a = rc.getAccessor();
            a.setAccessible(true);
            check(a.invoke(r), where + "." + rc.getName(), empty);
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
        }
      }
      case java.util.Optional<?> o -> {
        if (o.isEmpty()) {
          empty.add(where);
        } else {
          check(o.get(), where + "?", empty);
        }
      }
      case java.util.Collection<?> c -> {
        if (c.isEmpty()) {
          empty.add(where);
        }
        for (Object e : c) {
          check(e, where + "[]", empty);
        }
      }
      default -> {}
    }
  }
}
