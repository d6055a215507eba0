package dev.sockscope.core;

import java.util.List;
import java.util.Objects;

/**
 * One item of an endpoint's security check.
 *
 * @param id stable name ({@code tls-versions}, {@code cipher-suites}, {@code certificate}, {@code plaintext},
 *     {@code origin}, {@code auth}, {@code headers}, {@code message-size})
 * @param summary one sentence for people
 * @param evidence what was sent and seen, one fact per line
 * @param fix one line on what to change; empty when there is nothing to fix
 */
public record CheckItem(String id, CheckVerdict verdict, String summary, List<String> evidence, String fix) {
    public CheckItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        evidence = List.copyOf(evidence);
        fix = fix == null ? "" : fix;
    }

    public static CheckItem skipped(String id, String why) {
        return new CheckItem(id, CheckVerdict.SKIPPED, why, List.of(), "");
    }
}
