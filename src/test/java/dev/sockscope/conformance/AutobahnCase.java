package dev.sockscope.conformance;

import java.util.List;

/**
 * One case: its id and description, what the fuzzing peer does, and how the other side is judged.
 *
 * @param suppressClose the fuzzer never closes by itself once the expected events came (group 7)
 * @param wrongCodeFatal a wrong close code makes the behaviour FAILED too (most of group 7)
 * @param informational both verdicts are INFORMATIONAL whatever happened (7.1.6, 7.13.x)
 * @param closerFatal the wrong endpoint closing makes the behaviour FAILED too (invalid UTF-8, group 6)
 * @param deflate for groups 12 and 13, the compressed exchange that takes the place of steps; else null
 */
record AutobahnCase(String id, String description, List<Step> steps, Expectation expectation, boolean suppressClose,
        boolean wrongCodeFatal, boolean informational, boolean closerFatal, DeflateCase deflate) {
    AutobahnCase(String id, String description, List<Step> steps, Expectation expectation) {
        this(id, description, steps, expectation, false, false, false, false, null);
    }

    AutobahnCase groupSeven() {
        return new AutobahnCase(id, description, steps, expectation, !id.equals("7.1.1"), true, informational, closerFatal, deflate);
    }

    AutobahnCase informationalOnly() {
        return new AutobahnCase(id, description, steps, expectation, suppressClose, false, true, closerFatal, deflate);
    }

    /** The wrong endpoint closing makes the behaviour FAILED too (the fuzzer had to close: nothing was detected). */
    AutobahnCase closerIsFatal() {
        return new AutobahnCase(id, description, steps, expectation, suppressClose, wrongCodeFatal, informational, true, deflate);
    }

    @Override
    public String toString() {
        return id;
    }
}
