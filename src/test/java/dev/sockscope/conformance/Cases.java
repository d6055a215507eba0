package dev.sockscope.conformance;

import static dev.sockscope.conformance.Step.frame;
import static dev.sockscope.conformance.Wire.BINARY;
import static dev.sockscope.conformance.Wire.CLOSE;
import static dev.sockscope.conformance.Wire.CONTINUATION;
import static dev.sockscope.conformance.Wire.PING;
import static dev.sockscope.conformance.Wire.PONG;
import static dev.sockscope.conformance.Wire.TEXT;
import static dev.sockscope.conformance.Wire.repeat;
import static dev.sockscope.conformance.Wire.utf8;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The cases of groups 1 (framing), 2 (pings and pongs), 3 (reserved bits), 4 (opcodes),
 * 5 (fragmentation), 6 (UTF-8 handling, in {@link Utf8Cases}) and 7 (close handling), as the
 * suite's case definitions describe them.
 */
final class Cases {
    private static final byte[] HELLO = utf8("Hello, world!");
    private static final byte[] EIGHT_BYTES = HexFormat.of().parseHex("00fffefdfcfb00ff");

    private Cases() {
    }

    /**
     * The cases a run plays: all of them, or those whose id starts with one of the comma-separated
     * prefixes in {@code conformance.only} (for example "12.,13.1."); a partial run writes no report.
     */
    static List<AutobahnCase> selected() {
        String only = System.getProperty("conformance.only", "").strip();
        if (only.isEmpty()) {
            return all();
        }
        List<String> prefixes = List.of(only.split(","));
        return all().stream().filter(c -> prefixes.stream().anyMatch(p -> (c.id() + ".").startsWith(p.strip()))).toList();
    }

    static List<AutobahnCase> all() {
        List<AutobahnCase> cases = new ArrayList<>();
        cases.addAll(framing());
        cases.addAll(pings());
        cases.addAll(reservedBits());
        cases.addAll(opcodes());
        cases.addAll(fragmentation());
        cases.addAll(Utf8Cases.all());
        cases.addAll(closing());
        cases.addAll(LimitCases.all());
        cases.addAll(DeflateCases.all());
        return cases;
    }

    private static CaseEvent text(byte[] payload) {
        return CaseEvent.message(payload, false);
    }

    private static CaseEvent text(String payload) {
        return text(utf8(payload));
    }

    private static CaseEvent pong(String payload) {
        return CaseEvent.pong(utf8(payload));
    }

    /** The fuzzer closes with 1000 once the events came, and the handshake must be clean. */
    private static Expectation fuzzerCloses(List<CaseEvent> ok) {
        return Expectation.ok(ok, true, Set.of(1000), true);
    }

    /** The client must fail the connection (1002, or a dropped TCP connection) before the fuzzer's timer. */
    private static Expectation clientFails(List<CaseEvent> ok) {
        return Expectation.ok(ok, false, Set.of(1002), false);
    }

    private static List<AutobahnCase> framing() {
        List<AutobahnCase> cases = new ArrayList<>();
        int[] sizes = {0, 125, 126, 127, 128, 65535, 65536, 65536};
        for (int i = 0; i < sizes.length; i++) {
            for (int binary = 0; binary < 2; binary++) {
                int size = sizes[i];
                byte[] payload = repeat(binary == 0 ? '*' : 0xFE, size);
                Step.Raw send = frame(binary == 0 ? TEXT : BINARY, payload);
                boolean chopped = i == 7;
                String id = "1." + (binary + 1) + "." + (i + 1);
                String what = (binary == 0 ? "text" : "binary") + " message of " + size + " bytes"
                        + (chopped ? ", written in pieces of 997 bytes" : "");
                cases.add(new AutobahnCase(id, "Echo of a " + what, List.of(chopped ? Step.chopped(send, 997) : send,
                        new Step.KillAfter(size > 128 ? 10_000 : 1_000)),
                        fuzzerCloses(List.of(CaseEvent.message(payload, binary == 1)))));
            }
        }
        cases.sort(java.util.Comparator.comparing(c -> c.id().startsWith("1.1") ? 0 : 1));
        return cases;
    }

    private static List<AutobahnCase> pings() {
        List<AutobahnCase> cases = new ArrayList<>();
        cases.add(new AutobahnCase("2.1", "Ping without payload: a pong", List.of(frame(PING, new byte[0]),
                new Step.CloseAfter(1_000)), fuzzerCloses(List.of(CaseEvent.pong(new byte[0])))));
        cases.add(new AutobahnCase("2.2", "Ping with a short text payload", List.of(frame(PING, HELLO),
                new Step.CloseAfter(1_000)), fuzzerCloses(List.of(CaseEvent.pong(HELLO)))));
        cases.add(new AutobahnCase("2.3", "Ping with a short binary payload", List.of(frame(PING, EIGHT_BYTES),
                new Step.CloseAfter(1_000)), fuzzerCloses(List.of(CaseEvent.pong(EIGHT_BYTES)))));
        cases.add(new AutobahnCase("2.4", "Ping with the largest payload, 125 bytes", List.of(frame(PING, repeat(0xFE, 125)),
                new Step.CloseAfter(1_000)), fuzzerCloses(List.of(CaseEvent.pong(repeat(0xFE, 125))))));
        cases.add(new AutobahnCase("2.5", "Ping with 126 bytes (too long for a control frame): fail", List.of(
                frame(PING, repeat(0xFE, 126)), new Step.KillAfter(1_000)), clientFails(List.of())));
        cases.add(new AutobahnCase("2.6", "Ping of 125 bytes written one byte at a time", List.of(
                Step.chopped(frame(PING, repeat(0xFE, 125)), 1), new Step.CloseAfter(2_000)),
                fuzzerCloses(List.of(CaseEvent.pong(repeat(0xFE, 125))))));
        cases.add(new AutobahnCase("2.7", "Unsolicited pong without payload: ignored", List.of(frame(PONG, new byte[0]),
                Step.close(1000, ""), new Step.CloseAfter(1_000)), fuzzerCloses(List.of())));
        cases.add(new AutobahnCase("2.8", "Unsolicited pong with payload: ignored", List.of(
                frame(PONG, utf8("unsolicited pong payload")), Step.close(1000, ""), new Step.CloseAfter(1_000)),
                fuzzerCloses(List.of())));
        cases.add(new AutobahnCase("2.9", "Unsolicited pong, then a ping: only the ping answered", List.of(
                frame(PONG, utf8("unsolicited pong payload")), frame(PING, utf8("ping payload")), new Step.CloseAfter(1_000)),
                fuzzerCloses(List.of(pong("ping payload")))));
        for (int chopped = 0; chopped < 2; chopped++) {
            List<Step> steps = new ArrayList<>();
            List<CaseEvent> pongs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Step.Raw ping = frame(PING, utf8("payload-" + i));
                steps.add(chopped == 1 ? Step.chopped(ping, 1) : ping);
                pongs.add(pong("payload-" + i));
            }
            steps.add(new Step.CloseAfter(3_000));
            cases.add(new AutobahnCase(chopped == 0 ? "2.10" : "2.11", "Ten pings in a row" + (chopped == 1
                    ? ", one byte at a time" : "") + ": ten pongs in order", steps, fuzzerCloses(pongs)));
        }
        return cases;
    }

    private static List<AutobahnCase> reservedBits() {
        List<AutobahnCase> cases = new ArrayList<>();
        cases.add(new AutobahnCase("3.1", "Text frame with RSV1: fail", List.of(frame(TEXT, HELLO, true, 1),
                new Step.KillAfter(1_000)), clientFails(List.of())));
        String[] modes = {"", ", one write per frame", ", one byte at a time"};
        for (int rsv = 2; rsv <= 4; rsv++) {
            List<Step> steps = new ArrayList<>();
            for (Step.Raw raw : List.of(frame(TEXT, HELLO), frame(TEXT, HELLO, true, rsv), frame(PING, new byte[0]))) {
                steps.add(rsv == 4 ? Step.chopped(raw, 1) : raw);
            }
            steps.add(new Step.KillAfter(1_000));
            cases.add(new AutobahnCase("3." + rsv, "Text, then text with RSV=" + rsv + ", then a ping" + modes[rsv - 2]
                    + ": the first echoed, then fail", steps, clientFails(List.of(text(HELLO))).nonStrict(List.of())));
        }
        cases.add(new AutobahnCase("3.5", "Binary frame with RSV=5: fail", List.of(frame(BINARY, EIGHT_BYTES, true, 5),
                new Step.KillAfter(1_000)), clientFails(List.of())));
        cases.add(new AutobahnCase("3.6", "Binary frame with RSV=6: fail", List.of(frame(BINARY, HELLO, true, 6),
                new Step.KillAfter(1_000)), clientFails(List.of())));
        cases.add(new AutobahnCase("3.7", "Close frame with RSV=7: fail", List.of(frame(CLOSE, new byte[0], true, 7),
                new Step.KillAfter(1_000)), clientFails(List.of())));
        return cases;
    }

    private static List<AutobahnCase> opcodes() {
        List<AutobahnCase> cases = new ArrayList<>();
        byte[] reserved = utf8("reserved opcode payload");
        int[][] groups = {{3, 4, 5, 6, 7}, {11, 12, 13, 14, 15}};
        for (int g = 0; g < 2; g++) {
            int[] ops = groups[g];
            String prefix = "4." + (g + 1) + ".";
            cases.add(new AutobahnCase(prefix + 1, "Reserved opcode " + ops[0] + ": fail", List.of(frame(ops[0], new byte[0]),
                    new Step.KillAfter(1_000)), clientFails(List.of())));
            cases.add(new AutobahnCase(prefix + 2, "Reserved opcode " + ops[1] + " with payload: fail", List.of(
                    frame(ops[1], reserved), new Step.KillAfter(1_000)), clientFails(List.of())));
            for (int i = 2; i < 5; i++) {
                List<Step> steps = new ArrayList<>();
                for (Step.Raw raw : List.of(frame(TEXT, HELLO), frame(ops[i], i == 2 ? new byte[0] : HELLO),
                        frame(PING, new byte[0]))) {
                    steps.add(i == 4 ? Step.chopped(raw, 1) : raw);
                }
                steps.add(new Step.KillAfter(1_000));
                cases.add(new AutobahnCase(prefix + (i + 1), "Text, reserved opcode " + ops[i] + (i == 2 ? "" : " with payload")
                        + ", ping" + (i == 4 ? ", one byte at a time" : "") + ": the text echoed, then fail", steps,
                        clientFails(List.of(text(HELLO))).nonStrict(List.of())));
            }
        }
        return cases;
    }

    private static Step.Raw fragment(int opcode, String payload, boolean fin) {
        return frame(opcode, utf8(payload), fin, 0);
    }

    private static List<Step> written(List<Step.Raw> frames, int mode, Step timer) {
        List<Step> steps = new ArrayList<>();
        for (Step.Raw raw : frames) {
            steps.add(mode == 2 ? Step.chopped(raw, 1) : raw);
        }
        steps.add(timer);
        return steps;
    }

    private static List<AutobahnCase> fragmentation() {
        List<AutobahnCase> cases = new ArrayList<>();
        String[] modes = {"", ", one write per frame", ", one byte at a time"};
        cases.add(new AutobahnCase("5.1", "Ping in two fragments: fail", written(List.of(fragment(PING, "fragment1", false),
                fragment(CONTINUATION, "fragment2", true)), 0, new Step.KillAfter(1_000)), clientFails(List.of())));
        cases.add(new AutobahnCase("5.2", "Pong in two fragments: fail", written(List.of(fragment(PONG, "fragment1", false),
                fragment(CONTINUATION, "fragment2", true)), 0, new Step.KillAfter(1_000)), clientFails(List.of())));
        for (int mode = 0; mode < 3; mode++) {
            cases.add(new AutobahnCase("5." + (3 + mode), "Text in two fragments" + modes[mode], written(List.of(
                    fragment(TEXT, "fragment1", false), fragment(CONTINUATION, "fragment2", true)), mode,
                    new Step.CloseAfter(1_000)), fuzzerCloses(List.of(text("fragment1fragment2")))));
        }
        for (int mode = 0; mode < 3; mode++) {
            cases.add(new AutobahnCase("5." + (6 + mode), "Text in two fragments with a ping between" + modes[mode],
                    written(List.of(fragment(TEXT, "fragment1", false), fragment(PING, "ping payload", true),
                            fragment(CONTINUATION, "fragment2", true)), mode, new Step.CloseAfter(1_000)),
                    fuzzerCloses(List.of(pong("ping payload"), text("fragment1fragment2")))));
        }
        for (int mode = 0; mode < 3; mode++) {
            cases.add(new AutobahnCase("5." + (9 + mode), "Continuation (FIN) with nothing to continue, then text"
                    + modes[mode] + ": fail", written(List.of(fragment(CONTINUATION, "non-continuation payload", true),
                    fragment(TEXT, "Hello, world!", true)), mode, new Step.KillAfter(1_000)), clientFails(List.of())));
        }
        for (int mode = 0; mode < 3; mode++) {
            cases.add(new AutobahnCase("5." + (12 + mode), "Continuation (no FIN) with nothing to continue, then text"
                    + modes[mode] + ": fail", written(List.of(fragment(CONTINUATION, "non-continuation payload", false),
                    fragment(TEXT, "Hello, world!", true)), mode, new Step.KillAfter(1_000)), clientFails(List.of())));
        }
        cases.add(new AutobahnCase("5.15", "Text in two fragments, then a stray continuation: the text echoed, then fail",
                written(List.of(fragment(TEXT, "fragment1", false), fragment(CONTINUATION, "fragment2", true),
                        fragment(CONTINUATION, "fragment3", false), fragment(TEXT, "fragment4", true)), 0,
                        new Step.KillAfter(1_000)), clientFails(List.of(text("fragment1fragment2"))).nonStrict(List.of())));
        for (int fin = 0; fin < 2; fin++) {
            List<Step.Raw> frames = new ArrayList<>();
            for (int twice = 0; twice < 2; twice++) {
                frames.add(fragment(CONTINUATION, "fragment1", fin == 1));
                frames.add(fragment(TEXT, "fragment2", false));
                frames.add(fragment(CONTINUATION, "fragment3", true));
            }
            cases.add(new AutobahnCase("5." + (16 + fin), "Twice: a stray continuation" + (fin == 1 ? " (FIN)" : "")
                    + ", then text in two fragments: fail", written(frames, 0, new Step.KillAfter(1_000)), clientFails(List.of())));
        }
        cases.add(new AutobahnCase("5.18", "Two fragments that both say text: fail", written(List.of(
                fragment(TEXT, "fragment1", false), fragment(TEXT, "fragment2", true)), 0, new Step.KillAfter(1_000)),
                clientFails(List.of())));
        for (int sync = 0; sync < 2; sync++) {
            List<Step> steps = new ArrayList<>(List.of(fragment(TEXT, "fragment1", false), fragment(CONTINUATION, "fragment2", false),
                    fragment(PING, "pongme 1!", true), new Step.Pause(1_000), fragment(CONTINUATION, "fragment3", false),
                    fragment(CONTINUATION, "fragment4", false), fragment(PING, "pongme 2!", true),
                    fragment(CONTINUATION, "fragment5", true), new Step.CloseAfter(1_000)));
            cases.add(new AutobahnCase("5." + (19 + sync), "Text in five fragments with two pings between and a 1 s pause"
                    + (sync == 1 ? ", one write per frame" : "") + ": each ping answered at once", steps,
                    fuzzerCloses(List.of(pong("pongme 1!"), pong("pongme 2!"),
                            text("fragment1fragment2fragment3fragment4fragment5")))));
        }
        return cases;
    }

    private static List<AutobahnCase> closing() {
        List<AutobahnCase> cases = new ArrayList<>();
        byte[] helloWorld = utf8("Hello World!");
        Expectation closed = fuzzerCloses(List.of());
        cases.add(new AutobahnCase("7.1.1", "Message, then the fuzzer closes", List.of(frame(TEXT, helloWorld),
                new Step.KillAfter(1_000)), fuzzerCloses(List.of(text(helloWorld)))).groupSeven());
        cases.add(new AutobahnCase("7.1.2", "Two close frames: the second ignored", List.of(Step.close(1000, ""),
                frame(CLOSE, new byte[0]), new Step.KillAfter(1_000)), closed).groupSeven());
        cases.add(new AutobahnCase("7.1.3", "Ping after the close: not answered", List.of(Step.close(1000, ""),
                frame(PING, new byte[0]), new Step.KillAfter(1_000)), closed).groupSeven());
        cases.add(new AutobahnCase("7.1.4", "Text after the close: not echoed", List.of(Step.close(1000, ""),
                frame(TEXT, helloWorld), new Step.KillAfter(1_000)), closed).groupSeven());
        cases.add(new AutobahnCase("7.1.5", "A fragment, the close, the last fragment: nothing echoed", List.of(
                fragment(TEXT, "fragment1", false), Step.close(1000, ""), fragment(CONTINUATION, "fragment2", true),
                new Step.KillAfter(1_000)), closed).groupSeven());
        byte[] big = new byte[262_144];
        byte[] pattern = utf8("BAsd7&jh23");
        for (int i = 0; i < big.length; i++) {
            big[i] = pattern[i % pattern.length];
        }
        cases.add(new AutobahnCase("7.1.6", "A 256 KiB message, a short one, the close, a ping (informational)", List.of(
                frame(TEXT, big), frame(TEXT, helloWorld), Step.close(1000, ""), frame(PING, new byte[0]),
                new Step.KillAfter(1_000)), fuzzerCloses(List.of(text(helloWorld))).nonStrict(List.of())).groupSeven()
                .informationalOnly());
        Expectation protocolError = Expectation.ok(List.of(), true, Set.of(1002), false);
        cases.add(new AutobahnCase("7.3.1", "Close without payload", List.of(new Step.Close(new byte[0]),
                new Step.KillAfter(1_000)), closed).groupSeven());
        cases.add(new AutobahnCase("7.3.2", "Close with a 1-byte payload: a protocol error", List.of(
                new Step.Close(utf8("a")), new Step.KillAfter(1_000)), protocolError).groupSeven());
        cases.add(new AutobahnCase("7.3.3", "Close with a code only", List.of(Step.close(1000, ""),
                new Step.KillAfter(1_000)), closed).groupSeven());
        cases.add(new AutobahnCase("7.3.4", "Close with a code and a reason", List.of(Step.close(1000, "Hello World!"),
                new Step.KillAfter(1_000)), closed).groupSeven());
        cases.add(new AutobahnCase("7.3.5", "Close with a reason of 123 bytes (the most)", List.of(
                Step.close(1000, "*".repeat(123)), new Step.KillAfter(1_000)), closed).groupSeven());
        cases.add(new AutobahnCase("7.3.6", "Close with a reason of 124 bytes (too long): a protocol error", List.of(
                Step.close(1000, "*".repeat(124)), new Step.KillAfter(1_000)), protocolError).groupSeven());
        byte[] invalidReason = HexFormat.of().parseHex("03e8" + "cebae1bdb9cf83cebcceb5eda080656469746564");
        cases.add(new AutobahnCase("7.5.1", "Close whose reason is not valid UTF-8", List.of(new Step.Close(invalidReason),
                new Step.KillAfter(1_000)), Expectation.ok(List.of(), true, Set.of(1002, 1007), false)).groupSeven());
        int[] valid = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999};
        for (int i = 0; i < valid.length; i++) {
            cases.add(new AutobahnCase("7.7." + (i + 1), "Close with the valid code " + valid[i], List.of(
                    new Step.Close(Wire.closePayload(valid[i], "")), new Step.KillAfter(1_000)),
                    Expectation.ok(List.of(), true, Set.copyOf(List.of(1000, valid[i])), true)).groupSeven());
        }
        int[] invalid = {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999};
        for (int i = 0; i < invalid.length; i++) {
            cases.add(new AutobahnCase("7.9." + (i + 1), "Close with the invalid code " + invalid[i], List.of(
                    new Step.Close(Wire.closePayload(invalid[i], "")), new Step.KillAfter(1_000)), protocolError).groupSeven());
        }
        int[] outside = {5000, 65535};
        for (int i = 0; i < outside.length; i++) {
            cases.add(new AutobahnCase("7.13." + (i + 1), "Close with the code " + outside[i] + ", outside the range"
                    + " (informational)", List.of(new Step.Close(Wire.closePayload(outside[i], "")), new Step.KillAfter(1_000)),
                    Expectation.ok(List.of(), true, Set.copyOf(List.of(1000, outside[i], 1002)), false)).groupSeven().informationalOnly());
        }
        return cases;
    }
}
