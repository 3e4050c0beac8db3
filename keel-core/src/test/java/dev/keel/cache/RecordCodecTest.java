package dev.keel.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  enum Colour {
    RED,
    GREEN
  }

  sealed interface Shape permits Circle, Square {}

  record Circle(int radius) implements Shape {}

  record Square(long side, Optional<String> label) implements Shape {}

  record Everything(
      int i,
      long l,
      boolean b,
      double d,
      String s,
      Colour c,
      List<Shape> shapes,
      Set<String> tags,
      Map<String, List<Integer>> table,
      Optional<Everything> next) {}

  record WithInstant(String name, Instant at) {}

  record Outer(List<WithInstant> inner) {}

  @Test
  void everyKindOfComponentComesBackEqual() throws Exception {
    RecordCodec<Everything> codec = RecordCodec.of(Everything.class);
    Everything v = Samples.of(Everything.class);
    assertEquals(v, codec.decode(codec.encode(v)));
    Everything other = Samples.other(Everything.class);
    assertNotEquals(v, other);
    assertEquals(other, codec.decode(codec.encode(other)));
  }

  @Test
  void nullsAndEmptiesComeBackAsTheyWent() throws Exception {
    RecordCodec<Everything> codec = RecordCodec.of(Everything.class);
    Everything v =
        new Everything(0, 0, false, 0, null, null, List.of(), Set.of(), Map.of(), Optional.empty());
    assertEquals(v, codec.decode(codec.encode(v)));
  }

  @Test
  void aTypeTheCodecCannotStoreIsRefusedWithItsPath() {
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> RecordCodec.of(Outer.class));
    assertTrue(e.getMessage().startsWith("Outer.inner[].at: "), e.getMessage());
    assertTrue(e.getMessage().contains("java.time.Instant"), e.getMessage());
  }

  @Test
  void everyTruncationAndEveryFlippedByteIsCaughtOrHarmless() throws Exception {
    RecordCodec<Everything> codec = RecordCodec.of(Everything.class);
    Everything v = Samples.of(Everything.class);
    byte[] bytes = codec.encode(v);
    for (int n = 0; n < bytes.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(bytes, n);
      assertThrows(RecordCodec.CorruptEntryException.class, () -> codec.decode(cut), "cut at " + n);
    }
    for (int i = 0; i < bytes.length; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= (byte) 0x5a;
      try {
        codec.decode(flipped);
      } catch (RecordCodec.CorruptEntryException expected) {
        // Caught; the cache's checksum catches the rest before the codec sees them.
      }
    }
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThrows(RecordCodec.CorruptEntryException.class, () -> codec.decode(longer));
    assertArrayEquals(bytes, codec.encode(codec.decode(bytes)));
  }

  @Test
  void theSchemaNamesEveryComponentAndChangesWithTheShape() {
    String schema = RecordCodec.of(Everything.class).schema();
    for (String part :
        List.of("i:int", "l:long", "b:boolean", "s:String", "RED GREEN", "shapes:List<", "next:")) {
      assertTrue(schema.contains(part), part + " in " + schema);
    }
    assertNotEquals(schema, RecordCodec.of(Square.class).schema());
  }
}
