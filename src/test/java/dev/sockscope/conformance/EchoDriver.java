package dev.sockscope.conformance;

import dev.sockscope.client.ClientConnection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sockscope's client as Autobahn drives a client: through its public API, every message received
 * sent back as it came (text as text, binary as binary), in order, from the thread that delivered
 * it.
 */
final class EchoDriver implements Consumer<SessionEvent> {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile ClientConnection connection;
    private volatile SessionEvent end;

    /** Connects, offering permessage-deflate when {@code deflate} (groups 12 and 13). */
    static EchoDriver connect(int port, boolean deflate, ScheduledExecutorService timer) {
        EchoDriver driver = new EchoDriver();
        driver.connection = ClientConnection.open(1, ConnectRequest.of(WsUrl.parse("ws://127.0.0.1:" + port + "/"))
                .withDeflate(deflate), driver, timer);
        return driver;
    }

    @Override
    public void accept(SessionEvent event) {
        if (event instanceof SessionEvent.FrameEvent frame && frame.message() != null) {
            Message m = frame.message();
            if (m.direction() == Direction.RECEIVE) {
                while (connection == null) {
                    Thread.onSpinWait();
                }
                try {
                    if (m.opcode() == Opcode.TEXT) {
                        connection.sendText(m.text());
                    } else if (m.opcode() == Opcode.BINARY) {
                        connection.sendBinary(m.payload());
                    }
                } catch (IllegalStateException closing) {
                    // The connection is being closed or failed: an application's send is refused, as here.
                }
            }
        } else if (event instanceof SessionEvent.Closed || event instanceof SessionEvent.Failed) {
            end = event;
            done.countDown();
        }
    }

    /** How the client saw the end, once it came. */
    SessionEvent awaitEnd(long millis) throws InterruptedException {
        done.await(millis, TimeUnit.MILLISECONDS);
        return end;
    }
}
