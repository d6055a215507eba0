package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.FailureKind;
import org.junit.jupiter.api.Test;

/** A recorded failure is explained without pointing at things a recording does not have. */
class FailureHintsTest {
    @Test
    void aRecordedFailureNeverSendsTheUserToRequestOptionsOrACertificateButton() {
        for (FailureKind kind : FailureKind.values()) {
            String hint = FailureBanner.recordedHintFor(kind);
            assertFalse(hint.contains("Request options"), kind + ": " + hint);
            assertFalse(hint.contains("for this tab"), kind + ": " + hint);
        }
        assertTrue(FailureBanner.hintFor(FailureKind.TLS_UNTRUSTED).contains("Request options"),
                "a live tab keeps its way on");
    }
}
