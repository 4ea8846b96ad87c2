package org.mdeprofiles.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {
  private static List<Integer> upTo(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void resultsComeInTheItemsOrderWhateverOrderTheyFinishIn() {
    for (int n : new int[] {0, 1, InOrder.GROUP - 1, InOrder.GROUP, InOrder.GROUP + 1, 10 * InOrder.GROUP + 7}) {
      List<Integer> seen = new ArrayList<>();
      // Later items finish first: each waits less than the one before it.
      InOrder.map(upTo(n).iterator(), i -> {
        try {
          Thread.sleep((n - i) % 3);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return i * 2;
      }, 2 * InOrder.GROUP, seen::add);
      assertEquals(upTo(n).stream().map(i -> i * 2).toList(), seen, n + " items");
    }
  }

  @Test
  void noMoreThanTheWindowIsDrawnAheadOfTheResultsHandedOn() {
    AtomicInteger drawn = new AtomicInteger();
    AtomicInteger handed = new AtomicInteger();
    int window = 4 * InOrder.GROUP;
    List<Integer> ahead = new ArrayList<>();
    java.util.Iterator<Integer> items = upTo(50 * InOrder.GROUP).iterator();
    InOrder.map(new java.util.Iterator<Integer>() {
      @Override
      public boolean hasNext() {
        return items.hasNext();
      }

      @Override
      public Integer next() {
        ahead.add(drawn.incrementAndGet() - handed.get());
        return items.next();
      }
    }, i -> i, window, r -> handed.incrementAndGet());
    assertEquals(50 * InOrder.GROUP, handed.get());
    int most = ahead.stream().mapToInt(Integer::intValue).max().orElse(0);
    assertTrue(most <= window + InOrder.GROUP, "drawn ahead: " + most);
  }

  @Test
  void aWorkersFailureReachesTheCaller() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InOrder.map(upTo(100).iterator(), i -> {
          if (i == 70) {
            throw new IllegalArgumentException("item 70");
          }
          return i;
        }, 64, r -> {}));
    assertEquals("item 70", e.getMessage());
  }
}
