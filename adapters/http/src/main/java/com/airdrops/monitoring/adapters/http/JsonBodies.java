package com.airdrops.monitoring.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses request bodies as JSON within limits that no real bot reaches, so that a JSON bomb costs a 400 and not a
 * thread, a stack or the heap. The same mapper writes Javalin's JSON answers and parses any body Javalin reads.
 */
final class JsonBodies {
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_STRING_LENGTH = 64 * 1024;
    static final int MAX_NAME_LENGTH = 1024;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNameLength(MAX_NAME_LENGTH)
                            .build())
                    // A key given twice or text after the object is a malformed snapshot, not something to guess at.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String LIMITS = "the limits are: nesting depth " + MAX_NESTING_DEPTH + ", numbers "
            + MAX_NUMBER_LENGTH + " digits, strings " + MAX_STRING_LENGTH + " characters, property names "
            + MAX_NAME_LENGTH + " characters";

    private JsonBodies() {}

    /** The body as a JSON object; anything else is a 400 that says what is wrong and where. */
    @SuppressWarnings("unchecked")
    static Map<String, ?> parseObject(byte[] body) {
        Object json;
        try {
            json = MAPPER.readValue(body, Object.class);
        } catch (StreamConstraintsException e) {
            throw new ApiException(400, "JSON body exceeds a limit: " + withoutJavaPointer(e) + "; " + LIMITS);
        } catch (JacksonException e) {
            throw new ApiException(400, "malformed JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            throw new ApiException(400, "malformed JSON: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw new ApiException(400, "the body must be a JSON object");
        }
        return (Map<String, ?>) map;
    }

    /** Refuses a body with fields other than {@code allowed}, naming them and the allowed ones. */
    static void allowOnly(Map<String, ?> json, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new ApiException(400, "unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(allowed));
        }
    }

    /** Jackson names the exceeded limit, then the Java getter it comes from, which means nothing to a bot. */
    private static String withoutJavaPointer(StreamConstraintsException e) {
        return e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
    }

    /** Jackson leaves the location out of some errors (the stream limits among them). */
    private static String at(JsonLocation location) {
        if (location == null) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
