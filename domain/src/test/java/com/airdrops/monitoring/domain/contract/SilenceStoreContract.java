package com.airdrops.monitoring.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fixtures.Regexes;
import com.airdrops.monitoring.domain.model.alert.LabelMatcher;
import com.airdrops.monitoring.domain.model.alert.MatchKind;
import com.airdrops.monitoring.domain.model.alert.Silence;
import com.airdrops.monitoring.domain.model.alert.SilenceState;
import com.airdrops.monitoring.domain.port.driven.SilenceStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SilenceStore} must have; each implementation's test extends this class. */
public abstract class SilenceStoreContract {
    protected static final Instant T0 = Instant.parse("2026-11-27T12:00:00.250Z");

    private SilenceStore store;

    /** A store over empty storage. */
    protected abstract SilenceStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void aSilenceIsKeptWithEveryMatcherKindAndListedNewestStartFirst() {
        Silence older = silence("a", T0, T0.plusSeconds(3600));
        Silence newer = new Silence(
                "b",
                List.of(
                        Regexes.matcher("alertname", "queue_deep"),
                        Regexes.matcher("component", "=~sched.*"),
                        Regexes.matcher("protocol", "!~zk.*"),
                        Regexes.matcher("status", "!=completed"),
                        new LabelMatcher("odd", MatchKind.EQUAL, "!=looks like an operator")),
                T0.plusSeconds(60),
                T0.plusSeconds(7200),
                "ops",
                "migrating");
        store.add(older);
        store.add(newer);

        assertThat(store.all()).containsExactly(newer, older);
    }

    @Test
    void expiringEndsASilenceNowAndAnUnknownIdIsEmpty() {
        store.add(silence("a", T0, T0.plusSeconds(3600)));

        Silence expired = store.expire("a", T0.plusSeconds(10)).orElseThrow();

        assertThat(expired.endsAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(expired.stateAt(T0.plusSeconds(10))).isEqualTo(SilenceState.EXPIRED);
        assertThat(store.all()).containsExactly(expired);
        assertThat(store.expire("missing", T0)).isEmpty();
    }

    @Test
    void retentionDeletesOnlySilencesThatEndedBeforeTheCutoff() {
        store.add(silence("old", T0, T0.plusSeconds(60)));
        store.add(silence("current", T0, T0.plusSeconds(7200)));

        assertThat(store.deleteExpiredBefore(T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(store.all()).extracting(Silence::id).containsExactly("current");
    }

    private static Silence silence(String id, Instant start, Instant end) {
        return new Silence(id, List.of(Regexes.matcher("alertname", "queue_deep")), start, end, "ops", "");
    }
}
