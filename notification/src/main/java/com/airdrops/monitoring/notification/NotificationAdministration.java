package com.airdrops.monitoring.notification;

import com.airdrops.monitoring.domain.model.notification.ChannelRoute;
import com.airdrops.monitoring.domain.model.notification.DeadLetterPage;
import com.airdrops.monitoring.domain.model.notification.NotificationRouting;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import com.airdrops.monitoring.domain.port.driven.DeadLetters;
import com.airdrops.monitoring.domain.port.driving.ChannelView;
import com.airdrops.monitoring.domain.port.driving.NotificationAdmin;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API's view of notifications: channels as the setup in force routes them, dead letters, and their replay. */
public final class NotificationAdministration implements NotificationAdmin {
    private final LiveRouting setup;
    private final DeadLetters outbox;
    private final InstantSource clock;

    public NotificationAdministration(LiveRouting setup, DeadLetters outbox, InstantSource clock) {
        this.setup = setup;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public List<ChannelView> channels() {
        NotificationRouting current = setup.current();
        return current.routes().stream()
                .map(route -> view(route, current.shownConfigs()))
                .toList();
    }

    private static ChannelView view(ChannelRoute route, Map<String, Map<String, Object>> shownConfigs) {
        String name = route.channel().name();
        return new ChannelView(
                name,
                route.channel().type(),
                route.channel().enabled(),
                route.severities(),
                shownConfigs.getOrDefault(name, Map.of()));
    }

    /** What one page of dead letters may hold, in characters of payload. */
    static final long DEAD_LETTER_TEXT_BUDGET = 2_000_000;

    @Override
    public DeadLetterPage deadLetters(Optional<Long> before, int limit) {
        return outbox.dead(before, limit, DEAD_LETTER_TEXT_BUDGET);
    }

    @Override
    public Optional<OutboxEntry> replay(long id) {
        return outbox.replay(id, clock.instant()) ? outbox.find(id) : Optional.empty();
    }
}
