package com.airdrops.monitoring.adapters.http;

import java.security.MessageDigest;
import java.util.Optional;

/** Checks {@code Authorization: Bearer <token>} against the configured token in constant time. */
final class BearerToken {
    private final Optional<byte[]> expectedDigest;

    BearerToken(Optional<String> token) {
        this.expectedDigest = token.map(Sha256::of);
    }

    /** Throws 403 when no token is configured, 401 when the header is missing or wrong. */
    void authorize(String authorizationHeader) {
        byte[] expected = expectedDigest.orElseThrow(() ->
                new ApiException(403, "mutating endpoints are disabled: set MONITORING_API_TOKEN to enable them"));
        if (!isBearer(authorizationHeader)) {
            throw new ApiException(401, "missing bearer token: send 'Authorization: Bearer <MONITORING_API_TOKEN>'");
        }
        // Comparing fixed-length digests keeps the time independent of the token's content and length.
        byte[] provided =
                Sha256.of(authorizationHeader.substring("Bearer ".length()).trim());
        if (!MessageDigest.isEqual(expected, provided)) {
            throw new ApiException(401, "wrong bearer token");
        }
    }

    /** Whether the header carries this token; false when none is configured. */
    boolean matches(String authorizationHeader) {
        if (expectedDigest.isEmpty() || !isBearer(authorizationHeader)) {
            return false;
        }
        return MessageDigest.isEqual(
                expectedDigest.get(),
                Sha256.of(authorizationHeader.substring("Bearer ".length()).trim()));
    }

    /** The scheme name is case-insensitive (RFC 9110): "bearer x" is as good as "Bearer x". */
    private static boolean isBearer(String header) {
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length());
    }
}
