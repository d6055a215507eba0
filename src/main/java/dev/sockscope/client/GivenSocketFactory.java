package dev.sockscope.client;

import java.net.Socket;

/** Hands Java-WebSocket the socket we already connected. */
final class GivenSocketFactory extends javax.net.SocketFactory {
    private final Socket socket;

    GivenSocketFactory(Socket socket) {
        this.socket = socket;
    }

    @Override
    public Socket createSocket() {
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("connected already");
    }

    @Override
    public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("connected already");
    }

    @Override
    public Socket createSocket(java.net.InetAddress host, int port) {
        throw new UnsupportedOperationException("connected already");
    }

    @Override
    public Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("connected already");
    }
}
