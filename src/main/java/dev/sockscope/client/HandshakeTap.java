package dev.sockscope.client;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * The connected socket handed to Java-WebSocket, with every byte it writes and reads shown to a
 * {@link WireTap} first: written bytes before they leave (so a sent frame is published ahead of any
 * reply), read bytes as they arrive (before the library decodes them).
 */
final class HandshakeTap extends Socket {
    /** How long a closing connection goes on reading for the server's close. */
    private static final int CLOSE_REPLY_MILLIS = 3000;
    private final Socket inner;
    private final WireTap tap;
    private final InputStream in;
    private final OutputStream out;
    /** What the library queued to write and had not written yet, when it is known. */
    private volatile java.util.function.Supplier<java.util.Queue<java.nio.ByteBuffer>> unwritten = java.util.ArrayDeque::new;
    /** The arrays the library has written, by identity (a weak set: they go with the library's buffers). */
    private final java.util.Set<byte[]> written = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    /** Told once the library has written its last bytes: the socket is closed. */
    private final Runnable writesDone;
    /** How many threads are inside a read of the socket now (the library's read loop, when it runs). */
    private final java.util.concurrent.atomic.AtomicInteger reading = new java.util.concurrent.atomic.AtomicInteger();

    HandshakeTap(Socket inner, WireTap tap, Runnable writesDone) throws IOException {
        this.inner = inner;
        this.tap = tap;
        this.writesDone = writesDone;
        this.in = new TapIn(inner.getInputStream());
        this.out = new TapOut(inner.getOutputStream());
    }

    private final class TapOut extends FilterOutputStream {
        TapOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (written) {
                if (!written.add(b)) {
                    // The library writes each buffer once; the same array again is our drain at close
                    // repeating what its writer flushed when interrupted (it does not dequeue then).
                    return;
                }
            }
            tap.outgoing(b, off, len);
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    private final class TapIn extends FilterInputStream {
        TapIn(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reading.incrementAndGet();
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    tap.incoming(b, off, n, in, inner);
                }
                return n;
            } finally {
                reading.decrementAndGet();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }

    @Override
    public boolean isClosed() {
        return inner.isClosed();
    }

    @Override
    public boolean isBound() {
        return inner.isBound();
    }

    /** Where the library keeps what it has yet to write (its output queue). */
    void writesQueuedIn(java.util.function.Supplier<java.util.Queue<java.nio.ByteBuffer>> queue) {
        this.unwritten = queue;
    }

    /**
     * Closes the socket, first writing what the library queued and never wrote. Its writer stops
     * when the connection ends, and a writer stopped between two frames (or before its first turn)
     * drops the rest of its queue: a pong, or our reply to the server's close, would never leave.
     * Buffers the writer already wrote are skipped, so nothing goes out twice.
     *
     * <p>Then, when the library's read loop has stopped (it stops reading as soon as it has sent a
     * close) and the server's close has not come, it goes on reading, for a few seconds at most,
     * until it does: what the server sent before its close is on the wire, and is shown and
     * recorded instead of being thrown away with the socket.
     */
    @Override
    public synchronized void close() throws IOException {
        try {
            java.nio.ByteBuffer left;
            java.util.Queue<java.nio.ByteBuffer> queue = unwritten.get();
            while (!inner.isClosed() && (left = queue.poll()) != null) {
                out.write(left.array(), 0, left.limit());
            }
            out.flush();
            if (reading.get() == 0 && !inner.isClosed()) {
                tap.readUntilClose(inner.getInputStream(), inner, CLOSE_REPLY_MILLIS);
            }
        } catch (IOException | RuntimeException e) {
            // The peer is gone: what was queued cannot be written any more.
        } finally {
            try {
                inner.close();
            } finally {
                writesDone.run();
            }
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        inner.shutdownOutput();
    }

    @Override
    public void shutdownInput() throws IOException {
        inner.shutdownInput();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        inner.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return inner.getTcpNoDelay();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        // Meaningless on a socket that is already connected; the library sets it anyway.
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        inner.setReceiveBufferSize(size);
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        inner.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return inner.getSoTimeout();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return inner.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return inner.getLocalSocketAddress();
    }

    @Override
    public java.net.InetAddress getInetAddress() {
        return inner.getInetAddress();
    }

    @Override
    public int getPort() {
        return inner.getPort();
    }

    @Override
    public String toString() {
        return "HandshakeTap[" + inner + "]";
    }
}
