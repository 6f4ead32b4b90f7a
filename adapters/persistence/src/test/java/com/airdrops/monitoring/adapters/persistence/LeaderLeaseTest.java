package com.airdrops.monitoring.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.airdrops.monitoring.domain.fixtures.Alerts;
import com.airdrops.monitoring.domain.model.lease.Isolated;
import com.airdrops.monitoring.domain.model.lease.Leading;
import com.airdrops.monitoring.domain.model.lease.Standby;
import com.airdrops.monitoring.domain.port.driven.AlertChanges;
import com.airdrops.monitoring.domain.port.driven.FencedException;
import com.airdrops.monitoring.domain.port.driven.PersistenceException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents of one instance on one database take turns through the leader lease, and a deposed leader's writes are
 * refused by the database itself (the lease epoch is checked in every writing transaction).
 */
class LeaderLeaseTest {
    private static final Duration TTL = Duration.ofSeconds(10);
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    abstract class Scenarios {
        abstract String url();

        private Database agent(String url, String holder) {
            return agent(url, holder, DatabaseSettings.DEFAULT_TIMEOUT.toSeconds());
        }

        private Database agent(String url, String holder, long timeoutSeconds) {
            Database database = Database.open(
                    new DatabaseSettings(url, 1, Duration.ofSeconds(timeoutSeconds), "pair", holder, TTL));
            opened.add(database);
            return database;
        }

        @Test
        void theFirstAgentLeadsTheSecondStandsByAndTakesOverOnlyWhenTheLeaseExpires() {
            String url = url();
            Database a = agent(url, "host-a:/srv/a");
            Database b = agent(url, "host-b:/srv/b");
            Instant now = Instant.now();
            assertThat(a.leaseState()).isEqualTo(new Leading(1));
            assertThat(b.leaseState())
                    .isInstanceOfSatisfying(
                            Standby.class,
                            standby -> assertThat(standby.holder()).isEqualTo("host-a:/srv/a"));
            assertThat(b.renewLease(now)).as("A's lease still runs").isInstanceOf(Standby.class);
            new JdbiAlertRepository(a)
                    .save(new AlertChanges(
                            List.of(),
                            List.of(),
                            List.of(Alerts.firing()),
                            List.of(Alerts.notification(Alerts.firing()))));
            assertThat(new JdbiNotificationOutbox(a).claimDue("channel", now, now.plus(Duration.ofHours(1)), 10))
                    .hasSize(1);

            // A hangs with that row claimed: it does not renew, and its lease runs out.
            assertThat(b.renewLease(now.plus(TTL).plusSeconds(1))).isEqualTo(new Leading(2));
            assertThat(new JdbiNotificationOutbox(b).claimDue("channel", now, now.plusSeconds(30), 10))
                    .as("the new leader delivers what A claimed at once, not in an hour")
                    .hasSize(1);

            // A wakes up and writes as if nothing happened: the database refuses, and A learns it is deposed.
            assertThatThrownBy(() -> new JdbiAlertRepository(a).save(firing())).isInstanceOf(FencedException.class);
            assertThat(a.leaseState())
                    .isInstanceOfSatisfying(
                            Standby.class,
                            standby -> assertThat(standby.holder()).isEqualTo("host-b:/srv/b"));
            assertThat(a.renewLease(now.plusSeconds(12))).as("B's lease runs").isInstanceOf(Standby.class);
            new JdbiAlertRepository(b).save(firing());
        }

        @Test
        void aCleanStopHandsTheLeaseOverAtOnceAndARestartedLeaderTakesItsOwnBack() {
            String url = url();
            // A clean stop of H2 shuts the whole file down, and two processes never share an H2 file anyway.
            assumeFalse(url.startsWith("jdbc:h2:"), "a pair needs a database server");
            Database a = agent(url, "host-a:/srv/a");
            Database b = agent(url, "host-b:/srv/b");
            a.close();
            opened.remove(a);
            assertThat(b.renewLease(Instant.now()))
                    .as("released, not waited for")
                    .isInstanceOf(Leading.class);

            // B crashes (no release) and comes back under the same holder name: it leads again at once.
            Database restarted = agent(url, "host-b:/srv/b");
            long before = ((Leading) b.leaseState()).epoch();
            assertThat(restarted.leaseState()).isEqualTo(new Leading(before + 1));
            assertThatThrownBy(() -> new JdbiAlertRepository(b).save(firing()))
                    .as("the crashed process, were it still alive, is fenced")
                    .isInstanceOf(FencedException.class);
        }

        @Test
        void aRestartSaysOnceWhetherThePreviousRunStoppedCleanly() {
            String url = url();
            Database stopped = agent(url, "host-a:/srv/a");
            stopped.close();
            opened.remove(stopped);
            Instant before = Instant.now().minusMillis(1); // the lease keeps milliseconds
            Database afterCleanStop = agent(url, "host-a:/srv/a");
            assertThat(afterCleanStop.takeUncleanPreviousRun())
                    .as("released at the stop")
                    .isEmpty();

            // It is killed (no release) and started again under the same holder name.
            Database afterKill = agent(url, "host-a:/srv/a");
            assertThat(afterKill.leaseState()).isInstanceOf(Leading.class);
            assertThat(afterKill.takeUncleanPreviousRun())
                    .as("when the killed run last renewed its lease")
                    .hasValueSatisfying(renewed -> assertThat(renewed).isBetween(before, Instant.now()));
            assertThat(afterKill.takeUncleanPreviousRun()).as("said once").isEmpty();
        }

        /**
         * {@code leader}'s renewal at {@code at} fails: {@code other} holds the lease row locked meanwhile, as a
         * database that does not answer in time.
         */
        private void failRenewal(Database leader, Database other, Instant at) throws SQLException {
            try (Connection blocker = other.jdbi().open().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    statement
                            .executeQuery("SELECT * FROM agent_lease FOR UPDATE")
                            .close();
                }
                assertThatThrownBy(() -> leader.renewLease(at)).isInstanceOf(PersistenceException.class);
                blocker.rollback();
            }
        }

        @Test
        void aLeaderThatCannotRenewGoesOnFromMemoryWritesNothingAndKeepsItsTermWhenTheDatabaseAnswers()
                throws Exception {
            String url = url();
            Database a = agent(url, "host-a:/srv/a", 2);
            Database other = agent(url, "host-a:/srv/a-observer", 1);
            Instant now = Instant.now();
            failRenewal(a, other, now.plusSeconds(3));
            assertThat(a.leaseState())
                    .as("it led: it goes on leading from memory")
                    .isEqualTo(new Isolated(1, now.plusSeconds(3)));
            assertThat(a.leaseState().leads()).isTrue();
            assertThatThrownBy(() -> new JdbiAlertRepository(a).save(firing()))
                    .as("nothing written before a renewal confirms the lease, and that is not fencing")
                    .isInstanceOf(PersistenceException.class)
                    .isNotInstanceOf(FencedException.class);

            assertThat(a.renewLease(now.plus(TTL).plusSeconds(5)))
                    .as("its own term, although the lease ran out meanwhile: nobody took it")
                    .isEqualTo(new Leading(1));
            new JdbiAlertRepository(a).save(firing());
        }

        @Test
        void anIsolatedLeaderWhoseLeaseWasTakenMeanwhileStandsByAndIsFenced() throws Exception {
            String url = url();
            Database a = agent(url, "host-a:/srv/a", 2);
            Database b = agent(url, "host-b:/srv/b", 1);
            Instant now = Instant.now();
            failRenewal(a, b, now.plusSeconds(3));
            assertThat(b.renewLease(now.plus(TTL).plusSeconds(1))).isEqualTo(new Leading(2));

            assertThat(a.renewLease(now.plus(TTL).plusSeconds(2)))
                    .isInstanceOfSatisfying(
                            Standby.class,
                            standby -> assertThat(standby.holder()).isEqualTo("host-b:/srv/b"));
            assertThatThrownBy(() -> new JdbiAlertRepository(a).save(firing())).isInstanceOf(FencedException.class);
        }
    }

    @Nested
    class OnH2File extends Scenarios {
        @TempDir
        Path dir;

        @Override
        String url() {
            return "jdbc:h2:file:" + dir.resolve("pair");
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        @Override
        String url() {
            return TestPostgres.freshSchemaUrlOrFail();
        }
    }

    private static AlertChanges firing() {
        return new AlertChanges(List.of(), List.of(), List.of(Alerts.firing()), List.of());
    }
}
