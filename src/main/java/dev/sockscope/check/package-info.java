/**
 * The endpoint security check: probes of a ws:// or wss:// endpoint, each on its own connection
 * and bounded in time, judged pass, warn, fail or skipped with the evidence and a fix.
 *
 * <p>The TLS items do not use JSSE: {@link dev.sockscope.check.ClientHello} writes a ClientHello
 * offering exactly one protocol version and chosen suites, and {@link dev.sockscope.check.ServerReply}
 * reads what the server answers, so versions and suites the JDK refuses to offer (SSLv3, TLS 1.0
 * and 1.1, RC4, export, NULL) are probed without loosening the JVM's TLS settings for anything
 * else. The handshake is never finished. The other items speak HTTP/1.1 upgrades on plain sockets
 * or TLS sockets trusted as the user's connection would be. Blocking: run off the FX thread.
 */
package dev.sockscope.check;
