package dev.sockscope.conformance;

import java.util.Map;

/** Autobahn's judgement of one case: the behaviour (events) and the close, then one verdict with its reason. */
final class Judge {
    private Judge() {
    }

    /** The two verdicts, the overall one, and for anything but OK why. */
    record Verdict(String behavior, String close, String overall, String reason, long durationMillis) {
        /** OK, NON-STRICT, INFORMATIONAL, or UNIMPLEMENTED (permessage-deflate is optional: RFC 7692 section 5). */
        boolean acceptable() {
            return overall.equals("OK") || overall.equals("NON-STRICT") || overall.equals("INFORMATIONAL")
                    || overall.equals("UNIMPLEMENTED");
        }
    }

    static Verdict judge(AutobahnCase testCase, CasePlayer.Observed observed) {
        Expectation expected = testCase.expectation();
        String behavior = "FAILED";
        String behaviorWhy = null;
        if (testCase.deflate() != null) {
            behavior = observed.deflateOutcome == null ? "FAILED" : observed.deflateOutcome;
            behaviorWhy = observed.deflateOutcome != null ? observed.deflateReason : "the case did not finish within "
                    + testCase.deflate().timeoutMillis() / 1000 + " s (" + observed.deflateEchoes + " of "
                    + testCase.deflate().count() + " echoes came)";
        }
        for (Map.Entry<String, java.util.List<CaseEvent>> entry : expected.events().entrySet()) {
            if (testCase.deflate() == null && entry.getValue().equals(observed.events)) {
                behavior = entry.getKey();
                break;
            }
        }
        String close;
        String closeWhy = "";
        if (!observed.opened) {
            close = "FAILED";
            closeWhy = "the opening handshake never completed";
        } else if (expected.closedByMe() != observed.closedByMe) {
            close = "FAILED";
            closeWhy = expected.closedByMe() ? "the client closed first, where the fuzzer was to close"
                    : "the client did not fail the connection in time (the fuzzer closed)";
        } else if (expected.requireClean() && !observed.wasClean) {
            close = "UNCLEAN";
            closeWhy = "the closing handshake did not complete";
        } else if (observed.peerCloseCode != null && !expected.closeCodes().contains(observed.peerCloseCode)) {
            close = "WRONG CODE";
            closeWhy = "the client closed with " + observed.peerCloseCode + ", expected one of " + expected.closeCodes();
        } else {
            close = "OK";
        }
        if (testCase.closerFatal() && expected.closedByMe() != observed.closedByMe) {
            behavior = "FAILED";
        }
        if (testCase.wrongCodeFatal() && close.equals("WRONG CODE")) {
            behavior = "FAILED";
        }
        if (observed.unmasked) {
            behavior = "FAILED";
        }
        if (testCase.informational()) {
            return new Verdict("INFORMATIONAL", "INFORMATIONAL", "INFORMATIONAL", describe(observed), observed.durationMillis);
        }
        String reason = "";
        if (behaviorWhy != null && !behavior.equals("OK")) {
            reason = behaviorWhy;
        } else if (!behavior.equals("OK")) {
            reason = behavior.equals("NON-STRICT") ? "events matched the NON-STRICT alternative: " + observed.events
                    : (observed.unmasked ? "the client sent an unmasked frame; " : "") + "got " + observed.events
                    + ", expected " + expected.events();
        }
        if (!close.equals("OK")) {
            reason = (reason.isEmpty() ? "" : reason + "; ") + "close " + close + ": " + closeWhy;
        }
        String overall = !close.equals("OK") ? close : behavior;
        if (observed.timedOut) {
            overall = "FAILED";
            reason = "the case did not end within its time limit; " + reason;
        }
        return new Verdict(behavior, close, overall, reason, observed.durationMillis);
    }

    private static String describe(CasePlayer.Observed observed) {
        return "events " + observed.events + "; closed first by " + (observed.closedByMe ? "the fuzzer" : "the client")
                + (observed.peerCloseCode == null ? "" : ", client's close code " + observed.peerCloseCode)
                + (observed.wasClean ? ", clean" : ", not clean");
    }
}
