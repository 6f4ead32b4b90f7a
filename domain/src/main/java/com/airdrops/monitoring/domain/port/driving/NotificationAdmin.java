package com.airdrops.monitoring.domain.port.driving;

import com.airdrops.monitoring.domain.model.notification.DeadLetterPage;
import com.airdrops.monitoring.domain.model.notification.OutboxEntry;
import java.util.List;
import java.util.Optional;

/** What the API shows and does about notifications: channels (secrets redacted), dead letters, replays. */
public interface NotificationAdmin {
    List<ChannelView> channels();

    /**
     * A page of dead letters, newest first, below row {@code before}: at most {@code limit}, and at most about two
     * million characters of payload, so that no request can take the heap.
     */
    DeadLetterPage deadLetters(Optional<Long> before, int limit);

    /** Queues a dead letter again; empty when there is no dead letter with that id. */
    Optional<OutboxEntry> replay(long id);
}
