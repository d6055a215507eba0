package dev.sockscope.core;

import java.util.Locale;

/** How one item of an endpoint's security check came out, mildest first after {@code SKIPPED}. */
public enum CheckVerdict {
    SKIPPED, PASS, WARN, FAIL;

    /** As the JSON and the report write it: {@code pass}, {@code warn}, {@code fail}, {@code skipped}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this verdict is {@code level} or worse (skipped is never at a level). */
    public boolean atLeast(CheckVerdict level) {
        return this != SKIPPED && compareTo(level) >= 0;
    }
}
