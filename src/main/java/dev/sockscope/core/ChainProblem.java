package dev.sockscope.core;

/**
 * One reason a chain is not trusted, explained.
 *
 * @param certificateIndex the certificate of the chain it concerns (0 = leaf), -1 for the chain as a whole
 */
public record ChainProblem(TrustProblem kind, String explanation, int certificateIndex) {
}
