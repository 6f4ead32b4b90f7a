package com.airdrops.monitoring.domain.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerTest {
    @Test
    void wakeEndsAParkAndCloseEndsTheLoopBetweenRounds() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        Worker worker = new Worker("test-wake", Duration.ofSeconds(5), WorkerStop.WAKE, self -> {
            rounds.incrementAndGet();
            second.countDown();
            self.park(Duration.ofHours(1));
        });
        worker.start();
        worker.wake(); // the first round's hour-long park ends at once (or the next park does)
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();

        worker.close();

        int after = rounds.get();
        assertThat(worker.running()).isFalse();
        worker.wake();
        assertThat(rounds.get()).isEqualTo(after);
    }

    @Test
    void anInterruptingWorkerLeavesABlockingWait() throws InterruptedException {
        BlockingQueue<String> never = new ArrayBlockingQueue<>(1);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        Worker worker = new Worker("test-interrupt", Duration.ofSeconds(5), WorkerStop.INTERRUPT, self -> {
            try {
                waiting.countDown();
                never.take();
            } catch (InterruptedException e) {
                ended.countDown();
            }
        });
        worker.start();
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

        worker.close();

        assertThat(ended.await(0, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aParkAfterCloseReturnsAtOnce() {
        Worker worker = new Worker("test-closed", Duration.ofSeconds(1), WorkerStop.WAKE, self -> {});
        worker.close(); // never started: nothing to wait for

        long before = System.nanoTime();
        worker.park(Duration.ofHours(1));
        assertThat(System.nanoTime() - before).isLessThan(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void aCancelledTaskLeavesTheSchedulersQueueAtOnce() {
        ScheduledExecutorService scheduler = Worker.scheduler("test-scheduler");
        try {
            // As a staleness check moved at every push: each push cancels the previous check and schedules a new one.
            for (int push = 0; push < 1_000; push++) {
                scheduler.schedule(() -> {}, 1, TimeUnit.HOURS).cancel(false);
            }
            scheduler.schedule(() -> {}, 1, TimeUnit.HOURS);

            assertThat(((ThreadPoolExecutor) scheduler).getQueue()).hasSize(1);
        } finally {
            Worker.stop(scheduler, Duration.ofSeconds(1), true);
        }
    }
}
