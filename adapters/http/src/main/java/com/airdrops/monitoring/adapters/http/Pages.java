package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a list answer says it was cut (by its row limit or its size budget): {@code X-Truncated: true}, the cursor of
 * the next page in {@code X-Next-Cursor}, and the next page's address in a {@code Link: <...>; rel="next"} header, so
 * the body stays the list it always was.
 */
final class Pages {
    private Pages() {}

    static void cut(Context ctx, String cursorParameter, String cursor) {
        ctx.header("X-Truncated", "true");
        ctx.header("X-Next-Cursor", cursor);
        Map<String, List<String>> query = new java.util.LinkedHashMap<>(ctx.queryParamMap());
        query.put(cursorParameter, List.of(cursor));
        String next = query.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        ctx.header("Link", "<" + ctx.path() + "?" + next + ">; rel=\"next\"");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
