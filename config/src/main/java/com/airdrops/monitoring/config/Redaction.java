package com.airdrops.monitoring.config;

import java.util.Optional;

/** Removes credentials from text that is about to be printed or logged. */
public final class Redaction {
    private Redaction() {}

    /** Every URL in {@code text} loses its user-info: {@code scheme://user:password@host} becomes {@code scheme://host}. */
    public static String urls(String text) {
        return text == null ? null : text.replaceAll("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s\"'<>]*@", "$1");
    }

    /** A JDBC URL as it may be shown: without user-info, query parameters or H2 settings, which may hold passwords. */
    public static String jdbcUrl(String url) {
        int cut = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int index = url.indexOf(separator);
            if (index >= 0) {
                cut = Math.min(cut, index);
            }
        }
        return url.substring(0, cut).replaceAll("(//)[^/@]*@", "$1");
    }

    /** A secret as it may be shown: whether it is set, never its value. */
    public static String secret(Optional<String> secret) {
        return secret.map(value -> "***").orElse("<unset>");
    }
}
