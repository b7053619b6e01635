package com.callflowrules.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void commitsThatArriveDuringAWriteShareTheNextOne() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (writes.incrementAndGet() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
        });
        Future<?> first = threads.submit(group::awaitDurable);
        assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> behind = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            behind.add(threads.submit(group::awaitDurable));
        }
        while (group.commits() < 6) {
            Thread.sleep(1);
        }
        assertThat(behind).noneMatch(Future::isDone); // their commits came after the write began

        releaseFirstWrite.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> waiter : behind) {
            waiter.get(10, TimeUnit.SECONDS);
        }
        assertThat(writes).hasValue(2);
        assertThat(group.writes()).isEqualTo(2);
        assertThat(group.commits()).isEqualTo(6);
    }

    @Test
    void aFailedWriteFailsItsWriterAndTheNextWaiterWritesAgain() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            writes.incrementAndGet();
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("disk full");
            }
        });
        assertThatThrownBy(group::awaitDurable).hasMessage("disk full");
        assertThat(group.writes()).isZero();

        group.awaitDurable();
        assertThat(writes).hasValue(2);
        assertThat(group.writes()).isEqualTo(1);
    }

    @Test
    void eachCommitAfterTheLastWriteStartsAWriteOfItsOwn() {
        AtomicInteger writes = new AtomicInteger();
        GroupCommit group = new GroupCommit(writes::incrementAndGet);
        group.awaitDurable();
        group.awaitDurable();
        group.awaitDurable();
        assertThat(writes).hasValue(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
