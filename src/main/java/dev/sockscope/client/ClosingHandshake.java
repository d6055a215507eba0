package dev.sockscope.client;

import dev.sockscope.codec.ProtocolViolation;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How one connection's closing went on the wire (the close frames each side sent, in which order,
 * and whether we failed it for a protocol error), and the {@code Closed} event that makes.
 */
final class ClosingHandshake {
    private volatile Direction firstClose;
    private volatile Frame closeSent;
    private volatile Frame closeReceived;
    private volatile ProtocolViolation violation;
    private final CountDownLatch closeWritten = new CountDownLatch(1);

    /** Every frame that crossed the wire, either way: close frames are remembered. */
    void saw(Frame frame) {
        if (frame.opcode() != Opcode.CLOSE) {
            return;
        }
        if (firstClose == null) {
            firstClose = frame.direction();
        }
        if (frame.direction() == Direction.SEND) {
            closeSent = frame;
            closeWritten.countDown();
        } else {
            closeReceived = frame;
        }
    }

    /** We fail the connection for what the server sent. */
    void failedFor(ProtocolViolation found) {
        violation = found;
    }

    /** Waits (at most {@code millis}) until a close of ours is on the wire; false when none came. */
    boolean awaitOurClose(long millis) {
        try {
            return closeWritten.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * How the connection ended. Its close code is the one in the first close frame received
     * (RFC 6455, 7.1.5), read from the wire: Java-WebSocket stops decoding once it has sent a close,
     * and says 1006 when a message of ours crossed the server's close and drew a reset. An empty
     * close answering ours echoes ours (RFC 6455 5.5.1 allows a close without a code). When we
     * failed the connection for a protocol error, that error is the reason. With no close frame
     * received, what we sent, else the library's word (1006: dropped).
     */
    SessionEvent.Closed outcome(long id, int libraryCode, String libraryReason, boolean remote, Exception lastError) {
        ProtocolViolation failedFor = violation;
        if (failedFor != null) {
            return new SessionEvent.Closed(id, failedFor.closeCode(), failedFor.reason(), ClosedBy.CLIENT, Clock.nowMicros());
        }
        Direction first = firstClose;
        ClosedBy by = first == Direction.SEND ? ClosedBy.CLIENT : first == Direction.RECEIVE || remote ? ClosedBy.SERVER
                : ClosedBy.CLIENT;
        Frame received = closeReceived;
        Frame ours = closeSent;
        if (received == null && ours != null && libraryCode == 1006) {
            // Our close was never answered: the connection ended abnormally, whatever code we sent.
            String why = libraryReason == null || libraryReason.isEmpty() ? "the server did not answer our close" : libraryReason;
            return new SessionEvent.Closed(id, 1006, why + " (we sent " + ours.closeCode() + ")", ClosedBy.CLIENT,
                    Clock.nowMicros());
        }
        Frame said = received != null && received.closeCode() < 0 && ours != null ? ours : received != null ? received : ours;
        int code = said == null ? libraryCode : said.closeCode() < 0 ? 1005 : said.closeCode();
        String why = said == null ? libraryReason : said.closeReason();
        if (code == 1006 && (why == null || why.isEmpty()) && lastError != null) {
            why = ConnectFailures.messageOf(lastError);
        }
        return new SessionEvent.Closed(id, code, why == null ? "" : why, by, Clock.nowMicros());
    }
}
