package com.airdrops.monitoring.domain.model;

/** Argument checks shared by the domain records; each failure is an {@link IllegalArgumentException} a user can act on. */
public final class Require {
    /** The longest metric or label name: far beyond any real one, well inside every column that stores it. */
    public static final int MAX_NAME_LENGTH = 200;

    private Require() {}

    public static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    public static double percent(double value, String field) {
        if (!(value >= 0.0 && value <= 100.0)) {
            throw new IllegalArgumentException(field + " must be between 0 and 100, got " + value);
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
        return value;
    }

    public static double nonNegative(double value, String field) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    public static String maxLength(String value, int max, String field) {
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long; at most " + max
                    + " are allowed (it starts '" + value.substring(0, 20) + "...')");
        }
        return value;
    }

    /**
     * Refuses control characters (line breaks, escapes, NUL) and invisible formatting ones (bidi overrides such as
     * U+202E, zero-width ones such as U+200B and U+FEFF): the text is logged and sent to people, where a line break
     * could forge a log line and an invisible character could make one text read as another.
     */
    public static String printable(String value, String field) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!isPrintable(c)) {
                throw new IllegalArgumentException(field
                        + " must not contain control characters (line breaks, escapes) or invisible formatting "
                        + "characters (bidi controls, zero-width), found U+" + String.format("%04X", c)
                        + " at position " + i);
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /** Characters that show as nothing without being formatting ones: Hangul fillers, invisible combining marks. */
    private static final java.util.Set<Integer> BLANK =
            java.util.Set.of(0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0);

    /**
     * Not a control character, a line or paragraph separator (U+2028, U+2029: line breaks to many viewers), an
     * invisible formatting one (Unicode category Cf, which includes the tag characters U+E0000..U+E007F), an unpaired
     * surrogate, or a blank filler.
     */
    public static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c)
                && type != Character.FORMAT
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE
                && !BLANK.contains(c);
    }

    /** Checks a metric or label name against Prometheus' rules, so that anything we carry can be exposed. */
    public static String metricName(String value, String field) {
        nonBlank(value, field);
        maxLength(value, MAX_NAME_LENGTH, field);
        if (!isName(value, true)) {
            throw new IllegalArgumentException(field + " '" + value
                    + "' is not a valid metric name: use letters, digits, '_' and ':' and do not start with a digit");
        }
        return value;
    }

    public static String labelName(String value, String field) {
        nonBlank(value, field);
        maxLength(value, MAX_NAME_LENGTH, field);
        if (!isLabelName(value)) {
            throw new IllegalArgumentException(field + " '" + value
                    + "' is not a valid label name: use letters, digits and '_', do not start with a digit or '__'");
        }
        return value;
    }

    /** Whether {@link #labelName} accepts {@code value}, without building the message it would throw. */
    public static boolean isLabelName(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= MAX_NAME_LENGTH
                && isName(value, false)
                && !value.startsWith("__");
    }

    /** Per ASCII character: 1 may start a name, 2 may follow, 4 only in metric names (':'). */
    private static final byte[] NAME_CHARS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            NAME_CHARS[c] = 3;
            NAME_CHARS[Character.toUpperCase(c)] = 3;
        }
        NAME_CHARS['_'] = 3;
        for (char c = '0'; c <= '9'; c++) {
            NAME_CHARS[c] = 2;
        }
        NAME_CHARS[':'] = 7;
    }

    /** [a-zA-Z_:][a-zA-Z0-9_:]* (colons only in metric names); a table, because this runs for every sample. */
    private static boolean isName(String value, boolean colonAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int kind = c < 128 ? NAME_CHARS[c] : 0;
            if ((kind & (i == 0 ? 1 : 2)) == 0 || (kind == 7 && !colonAllowed)) {
                return false;
            }
        }
        return true;
    }
}
