package dev.sockscope.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects each role's verdicts and writes {@code docs/conformance.md} in the Autobahn style: per
 * case its id, description and verdict, the reason for anything but OK, and the totals.
 */
final class ConformanceReport {
    private static final Map<String, Map<String, Row>> ROLES = new ConcurrentHashMap<>();

    private record Row(AutobahnCase testCase, Judge.Verdict verdict) {
    }

    private ConformanceReport() {
    }

    static void record(String role, AutobahnCase testCase, Judge.Verdict verdict) {
        ROLES.computeIfAbsent(role, r -> new ConcurrentHashMap<>()).put(testCase.id(), new Row(testCase, verdict));
    }

    /**
     * Writes the report with a column per role that covered every case (a single test picked by
     * name leaves it alone); the role that finishes last in a run writes both columns.
     */
    static void write(String finishing) throws IOException {
        int done = ROLES.getOrDefault(finishing, Map.of()).size();
        if (done == 0) {
            return;
        }
        // A run of some cases (conformance.only) writes its report under target/, not over the full one.
        boolean complete = done >= Cases.all().size();
        Path report = complete ? Path.of("docs", "conformance.md") : Path.of("target", "conformance-partial.md");
        List<String> roles = new ArrayList<>();
        for (String role : List.of("client", "relay", "relay-rules")) {
            if (ROLES.getOrDefault(role, Map.of()).size() >= done) {
                roles.add(role);
            }
        }
        Map<String, AutobahnCase> ids = new TreeMap<>(ConformanceReport::compareIds);
        ROLES.get(finishing).values().forEach(row -> ids.put(row.testCase().id(), row.testCase()));
        Map<String, Map<String, Integer>> totals = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("| Case | Description |");
        roles.forEach(role -> table.append(' ').append(title(role)).append(" |"));
        table.append(" Why (anything but OK) |\n|---|---|");
        roles.forEach(role -> table.append("---|"));
        table.append("---|\n");
        for (AutobahnCase testCase : ids.values()) {
            table.append("| ").append(testCase.id()).append(" | ").append(testCase.description()).append(" |");
            List<String> reasons = new ArrayList<>();
            for (String role : roles) {
                Judge.Verdict verdict = ROLES.get(role).get(testCase.id()).verdict();
                String overall = verdict.overall();
                totals.computeIfAbsent(role, r -> emptyTotals()).merge(verdict.acceptable() ? overall : "FAILED", 1, Integer::sum);
                String timed = testCase.id().startsWith("9.") ? " (" + verdict.durationMillis() + " ms)" : "";
                table.append(' ').append(overall).append(timed).append(" |");
                if (!verdict.reason().isEmpty()) {
                    reasons.add((roles.size() > 1 ? title(role) + ": " : "") + verdict.reason().replace("|", "\\|"));
                }
            }
            table.append(' ').append(String.join("; ", reasons)).append(" |\n");
        }
        StringBuilder md = new StringBuilder(intro());
        md.append("## Totals\n\n| Verdict |");
        roles.forEach(role -> md.append(' ').append(title(role)).append(" |"));
        md.append(" Java-WebSocket's published report (2017, all groups) |\n|---|");
        roles.forEach(role -> md.append("---|"));
        md.append("---|\n");
        for (String verdict : emptyTotals().keySet()) {
            md.append("| ").append(verdict).append(" |");
            roles.forEach(role -> md.append(' ').append(totals.getOrDefault(role, emptyTotals()).get(verdict)).append(" |"));
            md.append(' ').append(verdict.equals("OK") ? "293" : verdict.equals("NON-STRICT") ? "7" : "").append(" |\n");
        }
        md.append("\nNON-STRICT: 6.4.3 and 6.4.4 send the invalid bytes in the middle of one frame's payload, a second\n")
                .append("apart; Sockscope's client checks a frame's UTF-8 once the frame is whole, so it fails the connection\n")
                .append("at the frame's end rather than at the bad byte. RFC 6455 section 8.1 asks to fail \"when an endpoint\n")
                .append("is to interpret a byte stream as UTF-8 but finds that the byte stream is not, in fact, a valid UTF-8\n")
                .append("stream\"; the suite grades failing at the frame or message end as NON-STRICT.\n\n")
                .append("NON-STRICT in the relay role only (3.2-3.4, 4.1.3-4.1.5, 4.2.3-4.2.5, 5.15): a valid message and a\n")
                .append("bad frame arrive together. The proxy relays the valid message and fails the connection both ways\n")
                .append("as soon as the bad frame arrives (RFC 6455 section 7.1.7, _Fail the WebSocket Connection_: it relays\n")
                .append("nothing it cannot parse), so the client's echo of the valid message, still on its way, is not\n")
                .append("relayed. The suite allows exactly this as NON-STRICT (\"the peer fails before it echoes\").\n\n")
                .append("Group 9 shows each case's time from the open to the end of the TCP connection (closing\n")
                .append("handshake included), as the suite reports it, on the machine that ran the build.\n\n")
                .append("In the relay role a TCP tap between the client and the proxy keeps every byte: for each case that\n")
                .append("ends in a normal close, the bytes the fuzzer sent after its 101 are the bytes the client got after\n")
                .append("the proxy's 101, and the bytes the client sent after its request are the bytes the fuzzer read,\n")
                .append("masks included; where the proxy fails the connection, the client got what the fuzzer sent up to\n")
                .append("there and then at most the proxy's close frame. For the cases that end normally the recording\n")
                .append("holds the connection, ended, with every frame that crossed, each once, on the leg it came from.\n\n")
                .append(deflateNotes())
                .append("## Cases\n\n").append(table);
        Files.writeString(report, md.toString());
    }

    private static String intro() {
        return new StringBuilder().append("# Conformance: the Autobahn TestSuite's cases, ported\n\n")
                .append("Generated by `ClientConformanceTest` and `RelayConformanceTest` (part of `mvn -B verify`); do not\n")
                .append("edit by hand.\n\n")
                .append("The Autobahn TestSuite's case definitions (groups 1 to 7, 9, 10, 12 and 13) are ported to Java in\n")
                .append("`src/test/java/dev/sockscope/conformance`: for each case a fuzzing peer in the server role sends\n")
                .append("exactly the case's frames (in one write, one write per frame or one byte at a time, as the case\n")
                .append("says) and judges the other side with the case's rules: the events it sent back, who closed first,\n")
                .append("the close code and whether the closing handshake was clean.\n\n")
                .append("- **Client**: Sockscope's client, driven through its public API by an echo driver (every message\n")
                .append("  received is sent back).\n")
                .append("- **Relay**: python3-websockets as the echoing client, connected through Sockscope's proxy (reverse\n")
                .append("  mode, recording into a real store) to the fuzzing peer: the case's verdict end to end, and the\n")
                .append("  bytes relayed.\n")
                .append("- **Relay, rules loaded**: the same, with interception rules loaded whose one rule concerns every\n")
                .append("  connection and matches no message: the proxy relays frame by frame through its interception\n")
                .append("  instead of as the bytes came, and must still pass every byte on as it came.\n\n")
                .append("Case 7.9.x uses the suite's newest list of invalid close codes (1014 and 1015 are valid since\n")
                .append("2018). A case counts as passed when it is OK, NON-STRICT or INFORMATIONAL (7.1.6 and 7.13.x are\n")
                .append("informational in the suite itself); a close that is not OK (wrong endpoint, unclean, wrong\n")
                .append("code) fails the case here, which is stricter than the suite's summary column.\n\n").toString();
    }

    private static String deflateNotes() {
        return new StringBuilder().append("Groups 12 and 13 (permessage-deflate, RFC 7692): the fuzzer compresses each message as agreed\n")
                .append("(RSV1 on its first frame, split into frames of the case's size after compression), sends the next\n")
                .append("only once the echo of the one before came, inflates each echo and judges it as the suite does: same\n")
                .append("type, same length, same SHA-1. The suite's data files are not ours to copy; stand-ins of the same\n")
                .append("size and character are made from a fixed seed: ").append(String.join("; ", DeflateCases.dataSetTitles()))
                .append(". The suite sends 1000 messages in every case (up to 128 MiB each way); here a case moves at\n")
                .append("most 1 MiB each way (at least 8 messages), and `-Dconformance.deflateBudget=0` runs the suite's 1000:\n")
                .append("run that way once (2026-12-02), the client role took 493 s for the 216 cases (144 OK, 72\n")
                .append("UNIMPLEMENTED as below) and the relay 1,217 s (216 OK, byte identity and recording checked).\n")
                .append("Where the suite's source asks for an 8-bit window, 9 is asked: zlib refuses 8 for raw deflate since\n")
                .append("1.2.9, and the suite's own reports show 9.\n\n")
                .append("UNIMPLEMENTED in the client role (13.3-13.6): in these cases the fuzzer asks the client for a window\n")
                .append("size (client_max_window_bits), which a server may do only when the client's offer says it can take\n")
                .append("one (RFC 7692 section 7.1.2.2). Sockscope's client offers `permessage-deflate;\n")
                .append("server_no_context_takeover; client_no_context_takeover` (Java-WebSocket's extension, whose\n")
                .append("deflater has Java's fixed 32 KiB window), so the fuzzer declines compression, as the suite's\n")
                .append("server does, and the case is UNIMPLEMENTED. 13.7 falls back to 13.2's answer and is OK. In the relay\n")
                .append("role python3-websockets offers `client_max_window_bits`, so all of 12 and 13 run compressed\n")
                .append("through the proxy, which relays the negotiation and the compressed frames untouched and records\n")
                .append("every message inflated, with context takeover both ways.\n\n").toString();
    }

    private static String title(String role) {
        return role.equals("client") ? "Client" : role.equals("relay") ? "Relay" : "Relay, rules loaded";
    }

    private static Map<String, Integer> emptyTotals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (String v : new String[] {"OK", "NON-STRICT", "INFORMATIONAL", "UNIMPLEMENTED", "FAILED"}) {
            totals.put(v, 0);
        }
        return totals;
    }

    private static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
