/**
 * RFC 6455 framing and RFC 7692 permessage-deflate, sans-IO: bytes in, frames out.
 *
 * <p>May import {@code core} only. Used by the proxy to relay frames exactly as received.
 */
package dev.sockscope.codec;
