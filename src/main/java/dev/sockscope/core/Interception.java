package dev.sockscope.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What interception did to a recorded frame's message, and who did it: set on the frame that
 * completes a message read from one side (what became of it), and on each frame the proxy wrote
 * in its stead or in addition (what it is). A frame nothing touched has none.
 *
 * @param flags a set of the constants below
 * @param note who and why, in words: "rule drop-ticks", "you, in the window: forwarded edited"
 */
public record Interception(int flags, String note) {
    /** Read from one side and not passed on. */
    public static final int DROPPED = 1;
    /** Read from one side; something else went in its place (recorded on the other leg, {@link #SENT_INSTEAD}). */
    public static final int REPLACED = 1 << 1;
    /** Written by the proxy in place of a message read from the other side. */
    public static final int SENT_INSTEAD = 1 << 2;
    /** Written by the proxy of its own accord (a rule's inject, a message sent by hand). */
    public static final int INJECTED = 1 << 3;
    /** Read from one side and passed on twice; the second copy is recorded as {@link #COPY}. */
    public static final int DUPLICATED = 1 << 4;
    /** The proxy's second copy of a duplicated message. */
    public static final int COPY = 1 << 5;
    /** Passed on later than it came (a rule's delay, or held at a breakpoint). */
    public static final int DELAYED = 1 << 6;
    /** Held at a breakpoint for someone in the window. */
    public static final int PAUSED = 1 << 7;
    /** Read from one side; a close frame of the proxy's went instead, by a rule. */
    public static final int CLOSED_INSTEAD = 1 << 8;
    /** Passed on with the same content, compressed anew: an earlier change broke the compression context. */
    public static final int RECOMPRESSED = 1 << 9;

    private static final String[] WORDS = {"dropped", "replaced", "sent instead", "injected", "duplicated", "copy", "delayed",
        "paused", "closed instead", "recompressed"};

    public Interception {
        Objects.requireNonNull(note, "note");
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** True when what crossed differs from what was read: anything but a delay or a recompression. */
    public boolean modified() {
        return (flags & ~(DELAYED | RECOMPRESSED | PAUSED)) != 0;
    }

    public Interception with(int flag, String more) {
        return new Interception(flags | flag, note.isEmpty() ? more : more.isEmpty() ? note : note + "; " + more);
    }

    /** The flags in words, in a fixed order: "replaced, delayed". */
    public String words() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            if ((flags & 1 << i) != 0) {
                words.add(WORDS[i]);
            }
        }
        return String.join(", ", words);
    }
}
