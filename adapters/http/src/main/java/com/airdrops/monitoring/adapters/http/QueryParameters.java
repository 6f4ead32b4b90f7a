package com.airdrops.monitoring.adapters.http;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/** Typed query parameters; a bad value is a 400 naming the parameter, its value and what is allowed. */
final class QueryParameters {
    private final Context ctx;

    QueryParameters(Context ctx) {
        this.ctx = ctx;
    }

    /** Epoch seconds, fractions allowed (e.g. {@code 1795737600.5}). */
    Optional<Instant> epochSeconds(String name) {
        return raw(name).map(value -> {
            try {
                BigDecimal seconds = new BigDecimal(value);
                BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
                long nanos = seconds.subtract(whole)
                        .movePointRight(9)
                        .setScale(0, RoundingMode.DOWN)
                        .longValueExact();
                return Instant.ofEpochSecond(whole.longValueExact(), nanos);
            } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
                throw bad(name, value, "epoch seconds, e.g. 1795737600 or 1795737600.5");
            }
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
