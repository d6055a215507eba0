/**
 * The wire, sans-IO: bytes in, frames and messages out, never a socket. {@link
 * dev.sockscope.codec.FrameParser} reads RFC 6455 frames exactly as sent (header bytes with the
 * mask key, FIN, RSV bits, 64-bit lengths) and reports what the RFC forbids as a
 * {@link dev.sockscope.codec.ProtocolViolation} with its close code, never as an exception;
 * {@link dev.sockscope.codec.MessageAssembler} joins fragments, inflates permessage-deflate (RFC
 * 7692) for display and search, and checks UTF-8 and close payloads; {@link
 * dev.sockscope.codec.WireDecoder} is both for one direction; {@link dev.sockscope.codec.FrameEncoder}
 * writes frames back byte for byte; {@link dev.sockscope.codec.HttpHeadReader} reads an HTTP head
 * in linear time with a cap. Inflating is for showing: what is relayed is what was received.
 *
 * <p>May import {@code core} only (an ArchUnit rule keeps {@code java.net} out). Used by the
 * client's tap today and by the proxy's relay next.
 */
package dev.sockscope.codec;
