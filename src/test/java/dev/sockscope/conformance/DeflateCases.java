package dev.sockscope.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Groups 12 (permessage-deflate with five kinds of payload) and 13 (with seven ways for the server
 * to answer the client's offer), 18 cases each: sizes from 16 bytes to 128 KiB, whole or split
 * into frames of 256 to 32768 compressed bytes. The suite sends 1000 messages per case, up to
 * 128 MiB each way; here the count is cut so a case moves at most {@code conformance.deflateBudget}
 * bytes (1 MiB by default, at least 8 messages), and {@code -Dconformance.deflateBudget=0} sends
 * the suite's 1000.
 */
final class DeflateCases {
    /** Length, auto-fragment size and the suite's timeout in seconds, per case number. */
    private static final int[][] SIZES = {
        {16, 0, 60}, {64, 0, 60}, {256, 0, 120}, {1024, 0, 240}, {4096, 0, 480}, {8192, 0, 480}, {16384, 0, 480},
        {32768, 0, 480}, {65536, 0, 480}, {131072, 0, 480}, {8192, 256, 480}, {16384, 256, 480}, {32768, 256, 480},
        {65536, 256, 480}, {131072, 256, 480}, {131072, 1024, 480}, {131072, 4096, 480}, {131072, 32768, 480},
    };
    private static final int SUITE_COUNT = 1000;

    private DeflateCases() {
    }

    static List<AutobahnCase> all() {
        List<AutobahnCase> cases = new ArrayList<>();
        List<Supplier<DeflateData.DataSet>> sets = List.of(DeflateData.JSON, DeflateData.BITMAP, DeflateData.FAUST,
                DeflateData.HTML, DeflateData.PDF);
        List<String> labels = List.of("JSON as text", "bitmap as binary", "German verse as binary", "HTML as text",
                "PDF as binary");
        for (int s = 0; s < sets.size(); s++) {
            cases.addAll(subGroup("12." + (s + 1), sets.get(s), DeflateNegotiation.Accept.FIRST, labels.get(s)));
        }
        DeflateNegotiation.Accept[] accepts = DeflateNegotiation.Accept.values();
        for (int a = 0; a < accepts.length; a++) {
            cases.addAll(subGroup("13." + (a + 1), DeflateData.JSON, accepts[a], "JSON as text, " + accepts[a].description));
        }
        return cases;
    }

    private static List<AutobahnCase> subGroup(String prefix, Supplier<DeflateData.DataSet> data,
            DeflateNegotiation.Accept accept, String label) {
        long budget = Long.getLong("conformance.deflateBudget", 1 << 20);
        List<AutobahnCase> cases = new ArrayList<>();
        for (int n = 0; n < SIZES.length; n++) {
            int length = SIZES[n][0];
            int fragment = SIZES[n][1];
            int count = budget <= 0 ? SUITE_COUNT : (int) Math.max(8, Math.min(SUITE_COUNT, budget / length));
            String unit = prefix.startsWith("13") || prefix.equals("12.1") || prefix.equals("12.4") ? " characters" : " bytes";
            String description = count + " compressed messages of " + length + unit + (fragment > 0 ? ", in frames of " + fragment
                    + " compressed bytes" : "") + "; " + label;
            DeflateCase exchange = new DeflateCase(data, length, count, fragment, accept, SIZES[n][2] * 1000L);
            cases.add(new AutobahnCase(prefix + "." + (n + 1), description, List.of(),
                    Expectation.ok(List.of(), true, Set.of(1000), true), false, false, false, false, exchange));
        }
        return cases;
    }

    /** The data sets' titles, for the report: which stand-in each of 12.1 to 12.5 uses. */
    static List<String> dataSetTitles() {
        return List.of(DeflateData.JSON.get().title(), DeflateData.BITMAP.get().title(), DeflateData.FAUST.get().title(),
                DeflateData.HTML.get().title(), DeflateData.PDF.get().title());
    }
}
