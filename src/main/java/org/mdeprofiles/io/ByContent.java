package org.mdeprofiles.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An answer worked out once per distinct content: a bundle holds the same profile in several
 * targets' folders. Contents are told apart by length first and then compared whole, so that no
 * content is hashed byte by byte only to be found in a map (a byte buffer's hash, one call per
 * byte, cost more than the digest it saved). Not for use by several threads at once.
 */
public final class ByContent<V> {
  private final Map<Integer, List<Entry<V>>> byLength = new HashMap<>();

  private record Entry<V>(byte[] content, V value) {}

  /** The answer for {@code content}: the one given before for equal bytes, or {@code work}'s. */
  public V get(byte[] content, Function<byte[], V> work) {
    List<Entry<V>> same = byLength.computeIfAbsent(content.length, n -> new ArrayList<>(1));
    for (Entry<V> e : same) {
      if (Arrays.equals(e.content(), content)) {
        return e.value();
      }
    }
    V value = work.apply(content);
    same.add(new Entry<>(content, value));
    return value;
  }
}
