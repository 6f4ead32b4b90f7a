package com.airdrops.monitoring.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.airdrops.monitoring.domain.fixtures.Alerts;
import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier.DeliveryOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackAndEmailNotifierTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void slackGetsOneMessageColouredBySeverityAndGreenWhenResolved() throws Exception {
        try (RecordingReceiver slack = new RecordingReceiver()) {
            var notifier = new SlackNotifierFactory()
                    .create(new NotificationChannel(
                            "ops-slack",
                            "slack",
                            Map.of(
                                    "webhook_url",
                                    slack.url("/services/T000/B000/XXXX").toString())));

            assertThat(notifier.send(Alerts.notification(Alerts.firing()), Duration.ofSeconds(5)))
                    .isInstanceOf(DeliveryOutcome.Delivered.class);
            notifier.send(Alerts.notification(Alerts.resolved()), Duration.ofSeconds(5));

            JsonNode firing =
                    AlertmanagerFormat.JSON.readTree(slack.requests.get(0).body());
            assertThat(firing.get("text").asText()).contains("Firing: 1 alert");
            assertThat(firing.get("attachments").get(0).get("color").asText()).isEqualTo("#d00000");
            assertThat(firing.get("attachments").get(0).get("title").asText())
                    .isEqualTo("[FIRING] risk_level_critical (critical)");
            JsonNode resolved =
                    AlertmanagerFormat.JSON.readTree(slack.requests.get(1).body());
            assertThat(resolved.get("attachments").get(0).get("color").asText()).isEqualTo("#2eb886");
        }
    }

    @Test
    void slackShowsPushedMarkupAsTextAndKeepsOnlyItsOwnAcknowledgeLinkLive() throws Exception {
        try (RecordingReceiver slack = new RecordingReceiver()) {
            var notifier = new SlackNotifierFactory()
                    .create(new NotificationChannel(
                            "ops-slack",
                            "slack",
                            Map.of("webhook_url", slack.url("/hook").toString())));
            Alert planted = new Alert(
                            "risk_level_critical",
                            "risk_level",
                            3,
                            3,
                            com.airdrops.monitoring.domain.model.alert.AlertSeverity.CRITICAL,
                            new com.airdrops.monitoring.domain.model.alert.Firing(Alerts.PENDING, Alerts.FIRED),
                            "Risk & more",
                            Alerts.FIRED,
                            Map.of("protocol", "<!channel> <@U123> <http://evil.example|click here>"))
                    .withMarks(com.airdrops.monitoring.domain.model.alert.AlertMarks.NONE.withAckLink(
                            "https://monitor.example/ack?sig=abc"));

            notifier.send(Alerts.notification(planted), Duration.ofSeconds(5));

            String text = AlertmanagerFormat.JSON
                    .readTree(slack.requests.getFirst().body())
                    .get("attachments")
                    .get(0)
                    .get("text")
                    .asText();
            assertThat(text)
                    .contains(
                            "&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil.example|click here&gt;", "Risk &amp; more")
                    .doesNotContain("<!channel>", "<@U123>", "<http://evil.example")
                    .endsWith("<https://monitor.example/ack?sig=abc|Acknowledge>");
        }
    }

    @Test
    void emailHasSeverityAndRuleInTheSubjectTextAndHtmlBodiesAndEveryRecipient() throws Exception {
        var notifier = new EmailNotifierFactory()
                .create(new NotificationChannel(
                        "oncall",
                        "email",
                        Map.of(
                                "smtp_host",
                                "127.0.0.1",
                                "smtp_port",
                                SMTP.getSmtp().getPort(),
                                "transport",
                                "smtp",
                                "from",
                                "monitor@example.org",
                                "to",
                                List.of("oncall@example.org", "lead@example.org"))));

        assertThat(notifier.send(Alerts.notification(Alerts.firing()), Duration.ofSeconds(10)))
                .isInstanceOf(DeliveryOutcome.Delivered.class);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("[CRITICAL] FIRING: risk_level_critical");
        assertThat(message.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("oncall@example.org", "lead@example.org");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("RiskManager reports a critical risk level", "risk_level =", "<table");
    }

    @Test
    void emailGoesOverSmtpsAndStarttlsToo() throws Exception {
        GreenMail tls = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTPS.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()});
        tls.start();
        try {
            var smtps = new EmailNotifierFactory()
                    .create(new NotificationChannel(
                            "tls",
                            "email",
                            Map.of(
                                    "smtp_host",
                                    "127.0.0.1",
                                    "smtp_port",
                                    tls.getSmtps().getPort(),
                                    "transport",
                                    "smtps",
                                    "trusted_hosts",
                                    List.of("127.0.0.1"),
                                    "from",
                                    "monitor@example.org",
                                    "to",
                                    "oncall@example.org")));
            assertThat(smtps.send(Alerts.notification(Alerts.firing()), Duration.ofSeconds(10)))
                    .isInstanceOf(DeliveryOutcome.Delivered.class);
            assertThat(tls.getReceivedMessages()).hasSize(1);

            // STARTTLS insists on the upgrade: GreenMail's SMTP does not offer it, so nothing is sent in clear text.
            var starttls = new EmailNotifierFactory()
                    .create(new NotificationChannel(
                            "tls",
                            "email",
                            Map.of(
                                    "smtp_host",
                                    "127.0.0.1",
                                    "smtp_port",
                                    tls.getSmtp().getPort(),
                                    "transport",
                                    "starttls",
                                    "trusted_hosts",
                                    List.of("127.0.0.1"),
                                    "from",
                                    "monitor@example.org",
                                    "to",
                                    "oncall@example.org")));
            assertThat(starttls.send(Alerts.notification(Alerts.firing()), Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(
                            DeliveryOutcome.RetryLater.class,
                            failed -> assertThat(failed.reason())
                                    .contains("STARTTLS is required but host does not support STARTTLS"));
            assertThat(tls.getReceivedMessages()).hasSize(1);
        } finally {
            tls.stop();
        }
    }

    @Test
    void anUnreachableSmtpServerIsARetryableFailure() {
        var notifier = new EmailNotifierFactory()
                .create(new NotificationChannel(
                        "oncall",
                        "email",
                        Map.of(
                                "smtp_host",
                                "127.0.0.1",
                                "smtp_port",
                                1,
                                "from",
                                "monitor@example.org",
                                "to",
                                "oncall@example.org")));
        Notification notification = Alerts.notification(Alerts.firing());
        assertThat(notifier.send(notification, Duration.ofSeconds(2))).isInstanceOf(DeliveryOutcome.RetryLater.class);
    }
}
