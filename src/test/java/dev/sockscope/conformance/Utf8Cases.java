package dev.sockscope.conformance;

import static dev.sockscope.conformance.Wire.CONTINUATION;
import static dev.sockscope.conformance.Wire.TEXT;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Group 6, UTF-8 handling: valid text in every fragmentation (echoed), invalid text however it is
 * cut (the connection failed, 1007, nothing echoed), fail-fast inside a message (6.4.x), and the
 * 132 sequences of Markus Kuhn's decoder stress test (utf8-sequences.txt).
 */
final class Utf8Cases {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HELLO_UTF8 = HEX.parseHex("48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a12d5554462d382121");
    private static final byte[] KOSME = HEX.parseHex("cebae1bdb9cf83cebcceb5");
    private static final byte[] SURROGATE_TEXT = HEX.parseHex("cebae1bdb9cf83cebcceb5eda080656469746564");

    private Utf8Cases() {
    }

    static List<AutobahnCase> all() {
        List<AutobahnCase> cases = new ArrayList<>(handWritten());
        cases.addAll(failFast());
        cases.addAll(sequences());
        return cases;
    }

    /** The echo must be exact; the fuzzer then closes with 1000, cleanly. */
    private static Expectation echoed(byte[] payload) {
        return Expectation.ok(List.of(CaseEvent.message(payload, false)), true, Set.of(1000), true);
    }

    /** Nothing echoed; the client fails the connection (1007, or no code; dropping TCP will do). */
    private static Expectation refused() {
        return Expectation.ok(List.of(), false, Set.of(1007), false);
    }

    /** A message in one-byte frames, then the empty final frame Autobahn's fragmenting writes. */
    private static List<Step> byteByByte(byte[] payload) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < payload.length; i++) {
            steps.add(Step.frame(i == 0 ? TEXT : CONTINUATION, new byte[] {payload[i]}, false, 0));
        }
        steps.add(Step.frame(CONTINUATION, new byte[0], true, 0));
        return steps;
    }

    private static List<Step> then(List<Step> steps, Step timer) {
        List<Step> all = new ArrayList<>(steps);
        all.add(timer);
        return all;
    }

    private static List<AutobahnCase> handWritten() {
        List<AutobahnCase> cases = new ArrayList<>();
        byte[] middle = "middle frame payload".getBytes(StandardCharsets.US_ASCII);
        cases.add(new AutobahnCase("6.1.1", "Empty text message", List.of(Step.frame(TEXT, new byte[0]),
                new Step.CloseAfter(1_000)), echoed(new byte[0])));
        cases.add(new AutobahnCase("6.1.2", "Empty text message in three empty fragments", List.of(
                Step.frame(TEXT, new byte[0], false, 0), Step.frame(CONTINUATION, new byte[0], false, 0),
                Step.frame(CONTINUATION, new byte[0], true, 0), new Step.CloseAfter(1_000)), echoed(new byte[0])));
        cases.add(new AutobahnCase("6.1.3", "Text in three fragments, the outer two empty", List.of(
                Step.frame(TEXT, new byte[0], false, 0), Step.frame(CONTINUATION, middle, false, 0),
                Step.frame(CONTINUATION, new byte[0], true, 0), new Step.CloseAfter(1_000)), echoed(middle)));
        cases.add(new AutobahnCase("6.2.1", "Valid UTF-8 in one frame", List.of(Step.frame(TEXT, HELLO_UTF8),
                new Step.CloseAfter(1_000)), echoed(HELLO_UTF8)));
        cases.add(new AutobahnCase("6.2.2", "Valid UTF-8 in two fragments split on a code point", List.of(
                Step.frame(TEXT, Arrays.copyOfRange(HELLO_UTF8, 0, 15), false, 0),
                Step.frame(CONTINUATION, Arrays.copyOfRange(HELLO_UTF8, 15, 29), true, 0), new Step.CloseAfter(1_000)),
                echoed(HELLO_UTF8)));
        cases.add(new AutobahnCase("6.2.3", "Valid UTF-8 one byte per frame (splits inside code points)",
                then(byteByByte(HELLO_UTF8), new Step.CloseAfter(1_000)), echoed(HELLO_UTF8)));
        cases.add(new AutobahnCase("6.2.4", "Valid UTF-8 (Greek) one byte per frame", then(byteByByte(KOSME),
                new Step.CloseAfter(1_000)), echoed(KOSME)));
        cases.add(new AutobahnCase("6.3.1", "Invalid UTF-8 (an encoded surrogate) in one frame", List.of(
                Step.frame(TEXT, SURROGATE_TEXT), new Step.KillAfter(1_000)), refused()).closerIsFatal());
        cases.add(new AutobahnCase("6.3.2", "Invalid UTF-8 (an encoded surrogate) one byte per frame",
                then(byteByByte(SURROGATE_TEXT), new Step.KillAfter(1_000)), refused()).closerIsFatal());
        return cases;
    }

    /**
     * 6.4.x: a valid part, a second later the part that makes it invalid, a second later the
     * rest. OK: the client fails at the invalid part; NON-STRICT: only at the message's end.
     */
    private static List<AutobahnCase> failFast() {
        List<AutobahnCase> cases = new ArrayList<>();
        byte[][][] splits = {
            {KOSME, HEX.parseHex("f4908080"), HEX.parseHex("656469746564")},
            {HEX.parseHex("cebae1bdb9cf83cebcceb5f4"), HEX.parseHex("90"), HEX.parseHex("8080656469746564")}};
        for (int inOneFrame = 0; inOneFrame < 2; inOneFrame++) {
            for (int split = 0; split < 2; split++) {
                byte[][] parts = splits[split];
                List<Step> steps = new ArrayList<>();
                if (inOneFrame == 0) {
                    steps.add(Step.frame(TEXT, parts[0], false, 0));
                } else {
                    // One frame of 21 bytes whose payload goes out in three writes, a second apart.
                    byte[] head = {0x01, 21};
                    steps.add(new Step.Raw(concat(head, parts[0]), 0));
                }
                steps.add(new Step.Pause(1_000));
                steps.add(new Step.Tag("A"));
                steps.add(inOneFrame == 0 ? Step.frame(CONTINUATION, parts[1], false, 0) : new Step.Raw(parts[1], 0));
                steps.add(new Step.Pause(1_000));
                steps.add(new Step.Tag("B"));
                if (inOneFrame == 0) {
                    steps.add(Step.frame(CONTINUATION, parts[2], true, 0));
                } else {
                    steps.add(new Step.Raw(parts[2], 0));
                    steps.add(Step.frame(CONTINUATION, new byte[0], true, 0));
                }
                steps.add(new Step.KillAfter(1_000));
                String id = "6.4." + (inOneFrame * 2 + split + 1);
                String what = (split == 0 ? "a code point beyond U+10FFFF" : "a lead byte whose next byte is wrong")
                        + (inOneFrame == 0 ? ", in three fragments" : ", in three writes of one frame");
                cases.add(new AutobahnCase(id, "Fail fast on invalid UTF-8: " + what, steps,
                        Expectation.ok(List.of(CaseEvent.timeout("A")), false, Set.of(1007), false)
                                .nonStrict(List.of(CaseEvent.timeout("A"), CaseEvent.timeout("B")))).closerIsFatal());
            }
        }
        return cases;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** 6.5.1-6.23.7, from utf8-sequences.txt; each flag is checked against Java's strict decoder first. */
    private static List<AutobahnCase> sequences() {
        List<AutobahnCase> cases = new ArrayList<>();
        InputStream in = Utf8Cases.class.getResourceAsStream("utf8-sequences.txt");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(" ", 4);
                boolean valid = parts[1].equals("valid");
                byte[] payload = parts[2].equals("-") ? new byte[0] : HEX.parseHex(parts[2]);
                if (valid != strictlyValid(payload)) {
                    throw new IllegalStateException(parts[0] + " is marked " + parts[1] + " but Java's decoder disagrees");
                }
                List<Step> steps = List.of(Step.frame(TEXT, payload), new Step.KillAfter(500));
                String description = parts[3] + ": " + (valid ? "valid, echoed" : "invalid, failed") + " (0x" + parts[2] + ")";
                cases.add(valid ? new AutobahnCase(parts[0], description, steps, echoed(payload))
                        : new AutobahnCase(parts[0], description, steps, refused()).closerIsFatal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static boolean strictlyValid(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
