package dev.sockscope.conformance;

import static dev.sockscope.conformance.Wire.BINARY;
import static dev.sockscope.conformance.Wire.CONTINUATION;
import static dev.sockscope.conformance.Wire.TEXT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Group 9 (limits and performance: large messages, many fragments, trickled writes, 1000 round
 * trips) and 10.1.1 (a message in 1300-byte fragments). Every case's echo must be exact (the
 * suite compares only type and length here; this port compares the bytes too). Sizes are the
 * suite's, divided by {@code conformance.scale} (a system property, 1 by default).
 */
final class LimitCases {
    private static final int MIB = 1 << 20;

    private LimitCases() {
    }

    static List<AutobahnCase> all() {
        int scale = Integer.getInteger("conformance.scale", 1);
        List<AutobahnCase> cases = new ArrayList<>();
        int[] sizes = {64 << 10, 256 << 10, MIB, 4 * MIB, 8 * MIB, 16 * MIB};
        for (int binary = 0; binary < 2; binary++) {
            for (int i = 0; i < sizes.length; i++) {
                boolean bin = binary == 1;
                int length = sizes[i] / scale;
                cases.add(new AutobahnCase("9." + (binary + 1) + "." + (i + 1), (bin ? "Binary" : "Text")
                        + " message of " + size(length), List.of(new Step.Lazy(() -> Wire.frame(bin ? BINARY : TEXT,
                        pattern(bin, length)), 0), new Step.CloseAfter(100_000)), echoed(pattern(bin, length), bin)));
            }
        }
        int[] fragments = {64, 256, 1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, MIB, 4 * MIB};
        for (int binary = 0; binary < 2; binary++) {
            boolean bin = binary == 1;
            int length = 4 * MIB / scale;
            for (int i = 0; i < fragments.length; i++) {
                int fragment = Math.max(1, fragments[i] / scale);
                // 9.4.1 is 0xFE, the rest of 9.3 and 9.4 '*'.
                int fill = bin && i == 0 ? 0xFE : '*';
                cases.add(new AutobahnCase("9." + (binary + 3) + "." + (i + 1), (bin ? "Binary" : "Text")
                        + " message of " + size(length) + " in fragments of " + size(fragment),
                        List.of(new Step.Lazy(() -> fragments(bin ? BINARY : TEXT, Wire.repeat(fill, length), fragment), 0),
                                new Step.CloseAfter(100_000)), echoed(Wire.repeat(fill, length), bin)));
            }
        }
        int[] chops = {64, 128, 256, 512, 1024, 2048};
        for (int binary = 0; binary < 2; binary++) {
            boolean bin = binary == 1;
            int length = MIB / scale;
            for (int i = 0; i < chops.length; i++) {
                cases.add(new AutobahnCase("9." + (binary + 5) + "." + (i + 1), (bin ? "Binary" : "Text")
                        + " message of " + size(length) + " written " + chops[i] + " bytes at a time",
                        List.of(new Step.Lazy(() -> Wire.frame(bin ? BINARY : TEXT, pattern(bin, length)), chops[i]),
                                new Step.CloseAfter(100_000)), echoed(pattern(bin, length), bin)));
            }
        }
        int[] lengths = {0, 16, 64, 256, 1024, 4096};
        for (int binary = 0; binary < 2; binary++) {
            for (int i = 0; i < lengths.length; i++) {
                byte[] payload = Wire.repeat(binary == 1 ? 0xFE : '*', lengths[i]);
                int count = Math.max(10, 1000 / scale);
                List<CaseEvent> echoes = Collections.nCopies(count, CaseEvent.message(payload, binary == 1));
                cases.add(new AutobahnCase("9." + (binary + 7) + "." + (i + 1), count + " " + (binary == 1 ? "binary" : "text")
                        + " messages of " + lengths[i] + " bytes, each after the echo of the one before",
                        List.of(new Step.RoundTrips(binary == 1 ? BINARY : TEXT, payload, count, 60_000),
                                new Step.CloseAfter(60_000)), Expectation.ok(echoes, true, Set.of(1000), true)));
            }
        }
        byte[] star = Wire.repeat('*', 65_536);
        cases.add(new AutobahnCase("10.1.1", "Text message of 64 KiB in fragments of 1300 bytes", fragmented(TEXT, star, 1300,
                new Step.KillAfter(10_000)), echoed(star, false)));
        return cases;
    }

    private static Expectation echoed(byte[] payload, boolean binary) {
        return Expectation.ok(List.of(CaseEvent.message(payload, binary)), true, Set.of(1000), true);
    }

    /**
     * The suite's own fragmenting: frames of {@code size}; when the payload is a multiple of it,
     * an empty final frame after them; a payload no longer than {@code size} in one frame.
     */
    static List<Step> fragmented(int opcode, byte[] payload, int size, Step timer) {
        return List.of(new Step.Raw(fragments(opcode, payload, size), 0), timer);
    }

    /** The frames of {@link #fragmented}, as one run of bytes. */
    static byte[] fragments(int opcode, byte[] payload, int size) {
        if (payload.length <= size) {
            return Wire.frame(opcode, payload);
        }
        java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream(payload.length + payload.length / size * 10);
        int full = payload.length / size;
        for (int k = 0; k < full; k++) {
            byte[] part = java.util.Arrays.copyOfRange(payload, k * size, (k + 1) * size);
            frames.writeBytes(Wire.frame(k == 0 ? opcode : CONTINUATION, part, false, 0));
        }
        frames.writeBytes(Wire.frame(CONTINUATION, java.util.Arrays.copyOfRange(payload, full * size, payload.length), true, 0));
        // One write of all the frames: the case is about fragments, not about how TCP carries them.
        return frames.toByteArray();
    }

    /** The suite's payload patterns, cut to {@code length}: "BAsd7&jh23" for text, 00 fe 23 fa f0 for binary. */
    private static byte[] pattern(boolean binary, int length) {
        byte[] unit = binary ? new byte[] {0x00, (byte) 0xFE, 0x23, (byte) 0xFA, (byte) 0xF0} : Wire.utf8("BAsd7&jh23");
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = unit[i % unit.length];
        }
        return out;
    }

    private static String size(int bytes) {
        return bytes >= MIB && bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KiB"
                : bytes + " bytes";
    }
}
