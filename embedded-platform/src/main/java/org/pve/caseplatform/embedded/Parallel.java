package org.pve.caseplatform.embedded;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs an action on every item at once, one thread each, and rethrows the first failure after all have ended. */
final class Parallel {

    private Parallel() {
    }

    static <T> void forEach(Collection<T> items, Consumer<T> action) {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(items.size());
        try {
            List<Future<?>> futures = items.stream()
                    .<Future<?>>map(item -> pool.submit(() -> action.accept(item)))
                    .toList();
            RuntimeException failure = null;
            for (Future<?> future : futures) {
                RuntimeException error = outcome(future);
                if (failure == null) {
                    failure = error;
                } else if (error != null) {
                    failure.addSuppressed(error);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException outcome(Future<?> future) {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Interrupted", e);
        }
    }
}
