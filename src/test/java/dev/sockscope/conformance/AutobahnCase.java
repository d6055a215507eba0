package dev.sockscope.conformance;

import java.util.List;

/**
 * One case: its id and description, what the fuzzing peer does, and how the other side is judged.
 *
 * @param suppressClose the fuzzer never closes by itself once the expected events came (group 7)
 * @param wrongCodeFatal a wrong close code makes the behaviour FAILED too (most of group 7)
 * @param informational both verdicts are INFORMATIONAL whatever happened (7.1.6, 7.13.x)
 */
record AutobahnCase(String id, String description, List<Step> steps, Expectation expectation, boolean suppressClose,
        boolean wrongCodeFatal, boolean informational) {
    AutobahnCase(String id, String description, List<Step> steps, Expectation expectation) {
        this(id, description, steps, expectation, false, false, false);
    }

    AutobahnCase groupSeven() {
        return new AutobahnCase(id, description, steps, expectation, !id.equals("7.1.1"), true, informational);
    }

    AutobahnCase informationalOnly() {
        return new AutobahnCase(id, description, steps, expectation, suppressClose, false, true);
    }

    @Override
    public String toString() {
        return id;
    }
}
