package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import com.airdrops.monitoring.testkit.AlertNotifierContract;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The built-in HTTP channels pass the contract plugin authors' channels pass (monitoring-testkit). */
class NotifierContractsTest {
    @Nested
    class Webhook extends AlertNotifierContract {
        @Override
        protected AlertNotifier notifier(URI url) {
            return new WebhookNotifierFactory()
                    .create(new NotificationChannel("hook", "webhook", Map.of("url", url.toString())));
        }
    }

    @Nested
    class Slack extends AlertNotifierContract {
        @Override
        protected AlertNotifier notifier(URI url) {
            return new SlackNotifierFactory()
                    .create(new NotificationChannel("slack", "slack", Map.of("webhook_url", url.toString())));
        }

        @Override
        protected String path() {
            return "/services/T000/B000/XXXX";
        }
    }

    @Nested
    class Telegram extends AlertNotifierContract {
        @Override
        protected AlertNotifier notifier(URI url) {
            return ChatChannelsTest.create(
                    "telegram",
                    Map.of(
                            "bot_token",
                            ChatChannelsTest.TOKEN,
                            "chat_id",
                            "42",
                            "api_url",
                            url.resolve("/").toString()));
        }

        @Override
        protected String path() {
            return "/bot" + ChatChannelsTest.TOKEN + "/sendMessage";
        }
    }

    @Nested
    class Discord extends AlertNotifierContract {
        @Override
        protected AlertNotifier notifier(URI url) {
            return ChatChannelsTest.create("discord", Map.of("webhook_url", url.toString()));
        }

        @Override
        protected String path() {
            return "/api/webhooks/1/secret-token";
        }
    }

    @Nested
    class PagerDuty extends AlertNotifierContract {
        @Override
        protected AlertNotifier notifier(URI url) {
            return ChatChannelsTest.create(
                    "pagerduty", Map.of("routing_key", ChatChannelsTest.ROUTING_KEY, "api_url", url.toString()));
        }

        @Override
        protected String path() {
            return "/v2/enqueue";
        }
    }
}
