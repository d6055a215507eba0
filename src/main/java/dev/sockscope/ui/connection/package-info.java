/**
 * Connections as the window shows them: {@link dev.sockscope.ui.connection.ConnectionView} for any
 * connection (message log, detail, handshake, certificate, status), and the connection tab around
 * it ({@link dev.sockscope.ui.connection.ClientTabModel}: the request editor, the composer, the
 * commands). The message log's filtering and paging is a model of its own
 * ({@link dev.sockscope.ui.connection.MessageLogModel}), in messages or in wire frames.
 */
package dev.sockscope.ui.connection;
