package org.mdeprofiles.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
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
 */
final class InOrder {
  private InOrder() {}

  static <T, R> void map(Iterator<T> items, Function<T, R> work, int inFlight, Consumer<R> sink) {
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "mde-profiles-worker");
      t.setDaemon(true);
      return t;
    });
    Deque<Future<R>> pending = new ArrayDeque<>();
    try {
      while (items.hasNext()) {
        T item = items.next();
        pending.add(pool.submit(() -> work.apply(item)));
        // Results are passed on as soon as they are ready, and the window never grows past its bound.
        while (!pending.isEmpty() && (pending.size() >= inFlight || pending.peek().isDone())) {
          sink.accept(take(pending.poll()));
        }
      }
      while (!pending.isEmpty()) {
        sink.accept(take(pending.poll()));
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
