package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Typed query parameters; a bad value is a 400 naming the parameter, its value and what is allowed. */
final class QueryParameters {
    /** 9999-12-31T23:59:59Z. */
    static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private static final int MAX_DECIMAL_LENGTH = 64;
    private static final Pattern SIGNED_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final Context ctx;

    QueryParameters(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Epoch seconds from 1970 to the end of year 9999, fractions allowed (e.g. {@code 1795737600.5}), digits beyond
     * the nanosecond dropped. Every such instant has epoch milliseconds that fit a long, which the stores need.
     */
    Optional<Instant> epochSeconds(String name) {
        return raw(name).map(value -> {
            // Only a short plain decimal is parsed: BigDecimal rounds 1e99999999 by building 10^99999999.
            if (value.length() > MAX_DECIMAL_LENGTH
                    || !SIGNED_DECIMAL.matcher(value).matches()) {
                throw bad(name, value, "epoch seconds, e.g. 1795737600 or 1795737600.5");
            }
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() < 0 || seconds.compareTo(MAX_EPOCH_SECONDS) > 0) {
                throw bad(name, value, "epoch seconds from 0 to " + MAX_EPOCH_SECONDS + " (1970 to the end of 9999)");
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole))
                    .movePointRight(9)
                    .longValue();
            return Instant.ofEpochSecond(whole, nanos);
        });
    }

    Optional<Integer> integer(String name, int min, int max) {
        return raw(name).map(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(name, value, "a whole number from " + min + " to " + max);
        });
    }

    Optional<String> text(String name) {
        return raw(name);
    }

    private Optional<String> raw(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static ApiException bad(String name, String value, String expected) {
        return new ApiException(400, "query parameter '" + name + "'='" + value + "' is invalid: expected " + expected);
    }
}
