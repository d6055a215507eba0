/**
 * The MITM proxy: a thin socket shell over sans-IO layers (CONNECT tunnel, TLS intercept,
 * HTTP upgrade, frame relay).
 *
 * <p>May import {@code core}, {@code codec}, {@code tls}.
 */
package dev.sockscope.proxy;
