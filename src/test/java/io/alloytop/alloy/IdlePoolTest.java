package io.alloytop.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdlePoolTest {
    @Test
    void runsTasksConcurrentlyOnNamedDaemonsThatExitWhenIdle() throws Exception {
        ThreadPoolExecutor pool = IdlePool.of(3, "idle-test", 50);
        try {
            CountDownLatch allIn = new CountDownLatch(3);
            Set<String> names = ConcurrentHashMap.newKeySet();
            Set<Boolean> daemons = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 3; i++) {
                pool.execute(() -> {
                    names.add(Thread.currentThread().getName());
                    daemons.add(Thread.currentThread().isDaemon());
                    allIn.countDown();
                    try {
                        allIn.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(allIn.await(5, TimeUnit.SECONDS), "three tasks run at once");
            assertEquals(Set.of("idle-test"), names);
            assertEquals(Set.of(true), daemons);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pool.getPoolSize() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(0, pool.getPoolSize(), "idle threads exit");
            assertEquals("ok", pool.submit(() -> "ok").get(5, TimeUnit.SECONDS), "and the pool still works after");
        } finally {
            pool.shutdownNow();
        }
    }
}
