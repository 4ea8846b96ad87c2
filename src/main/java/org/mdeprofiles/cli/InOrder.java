package org.mdeprofiles.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps items on worker threads, one per core, and hands the results on in the items' order,
 * with at most a bounded number in flight. The caller's thread only draws items (a folder walk)
 * and takes results (a report): no barrier where every core waits for the slowest of a batch.
 * Items go to the workers in groups of {@link #GROUP}: one hand-over (a queue, a wake-up) per file
 * cost validate about a tenth of its time (10,000 and 100,000 files, 6 rounds side by side: 575
 * against 644 ms and 2.91 against 3.32 s, CPU down as much).
 */
final class InOrder {
  static final int GROUP = 32;

  private InOrder() {}

  static <T, R> void map(Iterator<T> items, Function<T, R> work, int inFlight, Consumer<R> sink) {
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "mde-profiles-worker");
      t.setDaemon(true);
      return t;
    });
    int groups = Math.max(1, inFlight / GROUP);
    Deque<Future<List<R>>> pending = new ArrayDeque<>();
    try {
      while (items.hasNext()) {
        List<T> group = new ArrayList<>(GROUP);
        while (group.size() < GROUP && items.hasNext()) {
          group.add(items.next());
        }
        pending.add(pool.submit(() -> {
          List<R> results = new ArrayList<>(group.size());
          for (T item : group) {
            results.add(work.apply(item));
          }
          return results;
        }));
        // Results are passed on as soon as they are ready, and the window never grows past its bound.
        while (!pending.isEmpty() && (pending.size() >= groups || pending.peek().isDone())) {
          take(pending.poll()).forEach(sink);
        }
      }
      while (!pending.isEmpty()) {
        take(pending.poll()).forEach(sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R take(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a result", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
