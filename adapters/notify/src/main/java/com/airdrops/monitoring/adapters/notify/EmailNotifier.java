package com.airdrops.monitoring.adapters.notify;

import com.airdrops.monitoring.domain.model.alert.Alert;
import com.airdrops.monitoring.domain.model.notification.Notification;
import com.airdrops.monitoring.domain.model.notification.NotificationChannel;
import com.airdrops.monitoring.domain.spi.AlertNotifier;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Channel type {@code email}: one message per notification through SMTP with Simple Java Mail; subject with the
 * highest severity, the status and the rule name; plain-text and HTML bodies; transports {@code smtp},
 * {@code smtps} and {@code starttls}; connection and I/O bounded by the attempt's timeout. Certificates are verified
 * unless the host is listed in {@code trusted_hosts} (for a relay with a self-signed certificate). Thread-safe.
 */
public final class EmailNotifier implements AlertNotifier {
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final TransportStrategy transport;
    private final String from;
    private final List<String> to;
    private final List<String> trustedHosts;

    EmailNotifier(NotificationChannel channel) {
        ChannelOptions config = new ChannelOptions(channel);
        this.host = config.requiredText("smtp_host");
        this.transport = transport(config.text("transport").orElse("smtp"), channel);
        this.port = config.port("smtp_port", transport == TransportStrategy.SMTPS ? 465 : 25);
        this.username = config.text("username").orElse(null);
        this.password = config.text("password").orElse(null);
        this.from = config.requiredText("from");
        this.to = config.textList("to");
        this.trustedHosts =
                channel.config().containsKey("trusted_hosts") ? config.textList("trusted_hosts") : List.of();
    }

    @Override
    public DeliveryOutcome send(Notification notification, Duration timeout) {
        Email email = EmailBuilder.startingBlank()
                .from(from)
                .toMultiple(to.toArray(String[]::new))
                .withSubject(subject(notification))
                .withPlainText(text(notification))
                .withHTMLText(html(notification))
                .buildEmail();
        try {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            var mailer = MailerBuilder.withSMTPServer(host, port, username, password)
                    .withTransportStrategy(transport)
                    .withSessionTimeout(millis)
                    .withProperty("mail.smtp.connectiontimeout", String.valueOf(millis))
                    .withProperty("mail.smtp.timeout", String.valueOf(millis))
                    .withProperty("mail.smtps.connectiontimeout", String.valueOf(millis))
                    .withProperty("mail.smtps.timeout", String.valueOf(millis));
            if (!trustedHosts.isEmpty()) {
                mailer = mailer.trustingSSLHosts(trustedHosts.toArray(String[]::new))
                        .verifyingServerIdentity(false);
            }
            mailer.buildMailer().sendMail(email);
            return DeliveryOutcome.delivered();
        } catch (RuntimeException e) {
            return DeliveryOutcome.retry("SMTP " + host + ":" + port + " failed: " + rootClass(e));
        }
    }

    static String subject(Notification notification) {
        Alert first = notification.alerts().getFirst();
        String status =
                notification.isDigest() ? "DIGEST" : notification.groupStatus().name();
        int more = notification.alerts().size() - 1;
        return "[" + notification.highestSeverity().name() + "] " + status + ": " + first.ruleName()
                + (more > 0 ? " (+" + more + " more)" : "");
    }

    static String text(Notification notification) {
        StringBuilder text = new StringBuilder();
        if (notification.isDigest()) {
            text.append("Rate limit reached: ")
                    .append(notification.foldedMessages())
                    .append(" notifications were folded into this digest.\n\n");
        }
        for (Alert alert : notification.alerts()) {
            text.append(alert.status().name())
                    .append(' ')
                    .append(alert.ruleName())
                    .append(" (")
                    .append(alert.severity().wireName())
                    .append(")\n  ")
                    .append(alert.summary().isEmpty() ? "" : alert.summary() + "\n  ")
                    .append(alert.description())
                    .append("\n  ")
                    .append(alert.metricName())
                    .append(" = ")
                    .append(alert.currentValue())
                    .append(" (threshold ")
                    .append(alert.threshold())
                    .append(")\n  labels: ")
                    .append(alert.labels())
                    .append("\n  since: ")
                    .append(alert.firingSince().orElse(alert.timestamp()))
                    .append(alert.resolvedAt()
                            .map(at -> "\n  resolved at: " + at)
                            .orElse(""))
                    .append(alert.marks()
                            .ackLink()
                            .map(link -> "\n  acknowledge: " + link)
                            .orElse(""))
                    .append("\n\n");
        }
        return text.toString();
    }

    static String html(Notification notification) {
        StringBuilder html = new StringBuilder("<html><body><table border=\"1\" cellpadding=\"4\">"
                + "<tr><th>Status</th><th>Rule</th><th>Severity</th><th>Value</th><th>Description</th></tr>");
        for (Alert alert : notification.alerts()) {
            html.append("<tr><td>")
                    .append(alert.status().name())
                    .append("</td><td>")
                    .append(escape(alert.ruleName()))
                    .append("</td><td>")
                    .append(alert.severity().wireName())
                    .append("</td><td>")
                    .append(escape(alert.metricName()))
                    .append(" = ")
                    .append(alert.currentValue())
                    .append("</td><td>")
                    .append(alert.summary().isEmpty() ? "" : "<b>" + escape(alert.summary()) + "</b><br>")
                    .append(escape(alert.description()))
                    .append(alert.marks()
                            .ackLink()
                            .map(link -> "<br><a href=\"" + escape(link).replace("\"", "&quot;") + "\">Acknowledge</a>")
                            .orElse(""))
                    .append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static TransportStrategy transport(String name, NotificationChannel channel) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "smtp" -> TransportStrategy.SMTP;
            case "smtps" -> TransportStrategy.SMTPS;
            case "starttls" -> TransportStrategy.SMTP_TLS;
            default ->
                throw new IllegalArgumentException("config.transport must be smtp, smtps or starttls (channel '"
                        + channel.name() + "', type email)");
        };
    }

    private static String rootClass(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
