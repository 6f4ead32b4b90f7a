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

    /**
     * The page of {@code all} that starts at the {@code cursor} parameter (an index, 0 by default): at most {@code
     * limit} items (the {@code limit} parameter, up to {@code maxLimit}), and no more once about {@code budget}
     * characters are taken as {@code size} counts them (always one); when more follow, the answer says so and the
     * cursor continues. For lists held in memory, whose order is stable between calls.
     */
    static <T> List<Object> of(
            Context ctx,
            List<T> all,
            int maxLimit,
            long budget,
            java.util.function.ToLongFunction<T> size,
            java.util.function.Function<T, Object> view) {
        QueryParameters parameters = new QueryParameters(ctx);
        int limit = parameters.integer("limit", 1, maxLimit).orElse(maxLimit);
        int next = Math.min(parameters.integer("cursor", 0, Integer.MAX_VALUE).orElse(0), all.size());
        List<Object> page = new java.util.ArrayList<>();
        long text = 0;
        while (next < all.size() && page.size() < limit && (page.isEmpty() || text < budget)) {
            T item = all.get(next++);
            text += size.applyAsLong(item);
            page.add(view.apply(item));
        }
        if (next < all.size()) {
            cut(ctx, "cursor", String.valueOf(next));
        }
        return page;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
