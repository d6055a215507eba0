package dev.sockscope.conformance;

import java.util.List;

/**
 * One case: its id and description, what the fuzzing peer does, and how the other side is judged.
 *
 * @param suppressClose the fuzzer never closes by itself once the expected events came (group 7)
 * @param wrongCodeFatal a wrong close code makes the behaviour FAILED too (most of group 7)
 * @param informational both verdicts are INFORMATIONAL whatever happened (7.1.6, 7.13.x)
 * @param closerFatal the wrong endpoint closing makes the behaviour FAILED too (invalid UTF-8, group 6)
 */
record AutobahnCase(String id, String description, List<Step> steps, Expectation expectation, boolean suppressClose,
        boolean wrongCodeFatal, boolean informational, boolean closerFatal) {
    AutobahnCase(String id, String description, List<Step> steps, Expectation expectation) {
        this(id, description, steps, expectation, false, false, false, false);
    }

    AutobahnCase groupSeven() {
        return new AutobahnCase(id, description, steps, expectation, !id.equals("7.1.1"), true, informational, closerFatal);
    }

    AutobahnCase informationalOnly() {
        return new AutobahnCase(id, description, steps, expectation, suppressClose, false, true, closerFatal);
    }

    /** The wrong endpoint closing makes the behaviour FAILED too (the fuzzer had to close: nothing was detected). */
    AutobahnCase closerIsFatal() {
        return new AutobahnCase(id, description, steps, expectation, suppressClose, wrongCodeFatal, informational, true);
    }

    @Override
    public String toString() {
        return id;
    }
}
