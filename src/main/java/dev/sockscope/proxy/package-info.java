/**
 * The MITM proxy: Netty as the I/O shell ({@link dev.sockscope.proxy.ProxyServer},
 * {@link dev.sockscope.proxy.AppSide}, {@link dev.sockscope.proxy.UpstreamSide}) over sans-IO parts
 * ({@link dev.sockscope.proxy.HttpHead}, {@link dev.sockscope.proxy.Target}, the codec's decoders):
 * explicit proxy (CONNECT with TLS intercepted by SNI, absolute ws:// URLs), reverse proxy, tunnels
 * for ignored hosts, a byte-faithful relay whose copy is decoded for the recording (ADR 0006).
 * Netty is imported here and nowhere else.
 *
 * <p>May import {@code core}, {@code codec}, {@code tls}.
 */
package dev.sockscope.proxy;
