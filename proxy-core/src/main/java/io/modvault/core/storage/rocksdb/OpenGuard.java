package io.modvault.core.storage.rocksdb;

import io.modvault.core.storage.StoreException;
import java.io.IOException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.RocksDBException;

/**
 * Keeps calls away from freed native handles: every operation runs holding a shared lock and
 * only while the store is open, and closing takes the lock exclusively, so it waits for
 * operations in progress and no later call reaches the freed objects. Failures of the call become
 * {@link StoreException}s naming the operation and its subject.
 */
final class OpenGuard {
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    @FunctionalInterface
    interface Call<T> {
        T run() throws RocksDBException, IOException;
    }

    /** Runs {@code call} while open, turning failures into StoreExceptions. */
    <T> T run(String operation, Object subject, Call<T> call) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            if (closed) {
                throw new StoreException(operation + " " + subject + ": the store is closed");
            }
            return call.run();
        } catch (RocksDBException e) {
            throw new StoreException(operation + " " + subject + ": " + describe(e), e);
        } catch (IOException e) {
            throw new StoreException(operation + " " + subject + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code release} once, after every operation in progress has finished; idempotent. */
    void close(Runnable release) {
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                release.run();
            }
        } finally {
            lock.unlock();
        }
    }

    static String describe(RocksDBException e) {
        return e.getMessage() != null ? e.getMessage() : String.valueOf(e.getStatus());
    }
}
