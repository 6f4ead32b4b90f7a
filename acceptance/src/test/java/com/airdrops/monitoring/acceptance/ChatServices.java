package com.airdrops.monitoring.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Local stand-ins for Telegram's Bot API, a Discord webhook and PagerDuty's Events API v2 that refuse what the real
 * services refuse: a wrong token in the path or a wrong routing key, a text or embed over its limit, HTML Telegram
 * cannot parse, a message without an empty {@code allowed_mentions}, an event without its required fields. Telegram
 * answers its first message with a 429 ({@code retry_after: 3}) and refuses an unknown chat with a 400.
 */
final class ChatServices implements AutoCloseable {
    static final String TELEGRAM_TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
    static final String CHAT = "-1001234567890";
    static final String DISCORD_TOKEN = "d1sc0rd-w3bh00k-t0k3n-that-must-stay-secret";
    static final String ROUTING_KEY = "R0123456789abcdef0123456789abcde";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG = Pattern.compile("</?(b|i)>|<a href=\"[^\"<>]*\">|</a>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot);");

    /** A message a service accepted (or refused, with why), and when it came. */
    record Received(String service, Instant at, int status, JsonNode body, String refusal) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AtomicInteger telegramCalls = new AtomicInteger();

    ChatServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/bot", this::telegram);
        server.createContext("/api/webhooks/", this::discord);
        server.createContext("/v2/enqueue", this::pagerDuty);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> accepted(String service) {
        return received.stream()
                .filter(each -> each.service().equals(service) && each.status() / 100 == 2)
                .toList();
    }

    private void telegram(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!exchange.getRequestURI().getPath().equals("/bot" + TELEGRAM_TOKEN + "/sendMessage")) {
            answer(exchange, "telegram", body, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        if (!body.path("chat_id").asText().equals(CHAT)) {
            answer(
                    exchange,
                    "telegram",
                    body,
                    400,
                    "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
            return;
        }
        if (telegramCalls.getAndIncrement() == 0) {
            answer(
                    exchange,
                    "telegram",
                    body,
                    429,
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\","
                            + "\"parameters\":{\"retry_after\":3}}");
            return;
        }
        String text = body.path("text").asText();
        String problem = !body.path("parse_mode").asText().equals("HTML")
                ? "parse_mode must be HTML"
                : text.isBlank() ? "message text is empty" : htmlProblem(text);
        if (problem != null) {
            answer(
                    exchange,
                    "telegram",
                    body,
                    400,
                    "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: " + problem + "\"}");
            return;
        }
        answer(exchange, "telegram", body, 200, "{\"ok\":true,\"result\":{\"message_id\":1}}");
    }

    /** Telegram's HTML mode: only its tags and entities are markup; the text after parsing at most 4,096. */
    private static String htmlProblem(String text) {
        String untagged = TAG.matcher(text).replaceAll("");
        if (untagged.contains("<") || untagged.contains(">")) {
            return "can't parse entities: unsupported start tag";
        }
        String plain = ENTITY.matcher(untagged).replaceAll("x");
        if (plain.contains("&")) {
            return "can't parse entities: unknown entity";
        }
        return plain.length() > 4_096 ? "message is too long" : null;
    }

    private void discord(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!exchange.getRequestURI().getPath().equals("/api/webhooks/1/" + DISCORD_TOKEN)) {
            answer(exchange, "discord", body, 401, "{\"message\":\"Invalid Webhook Token\",\"code\":50027}");
            return;
        }
        List<String> problems = new ArrayList<>();
        if (body.path("content").asText().length() > 2_000) {
            problems.add("content over 2000");
        }
        JsonNode embeds = body.path("embeds");
        int characters = 0;
        for (JsonNode embed : embeds) {
            int title = embed.path("title").asText().length();
            int description = embed.path("description").asText().length();
            if (title > 256 || description > 4_096) {
                problems.add("embed field over its limit");
            }
            characters += title + description;
        }
        if (embeds.size() > 10 || characters > 6_000) {
            problems.add("embeds over 10 or 6000 characters");
        }
        if (!body.path("allowed_mentions").path("parse").isArray()
                || !body.path("allowed_mentions").path("parse").isEmpty()) {
            problems.add("allowed_mentions would ping");
        }
        if (problems.isEmpty()) {
            answer(exchange, "discord", body, 204, "");
        } else {
            answer(
                    exchange,
                    "discord",
                    body,
                    400,
                    "{\"message\":\"Invalid Form Body: " + problems + "\",\"code\":50035}");
        }
    }

    private void pagerDuty(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        List<String> errors = new ArrayList<>();
        if (!body.path("routing_key").asText().equals(ROUTING_KEY)) {
            errors.add("Length or value of 'routing_key' is incorrect");
        }
        String action = body.path("event_action").asText();
        if (!Set.of("trigger", "acknowledge", "resolve").contains(action)) {
            errors.add("'event_action' is invalid");
        }
        if (body.path("dedup_key").asText().isBlank()) {
            errors.add("'dedup_key' is missing");
        }
        if (action.equals("trigger")) {
            JsonNode payload = body.path("payload");
            String summary = payload.path("summary").asText();
            if (summary.isBlank() || summary.length() > 1_024) {
                errors.add("'payload.summary' is missing, blank or over 1024");
            }
            if (payload.path("source").asText().isBlank()) {
                errors.add("'payload.source' is missing or blank");
            }
            if (!Set.of("critical", "error", "warning", "info")
                    .contains(payload.path("severity").asText())) {
                errors.add("'payload.severity' is invalid");
            }
        }
        if (errors.isEmpty()) {
            answer(
                    exchange,
                    "pagerduty",
                    body,
                    202,
                    "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}");
        } else {
            answer(
                    exchange,
                    "pagerduty",
                    body,
                    400,
                    JSON.writeValueAsString(java.util.Map.of(
                            "status", "invalid event", "message", "Event object is invalid", "errors", errors)));
        }
    }

    private void answer(HttpExchange exchange, String service, JsonNode body, int status, String answer)
            throws IOException {
        received.add(new Received(service, Instant.now(), status, body, status / 100 == 2 ? "" : answer));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
