package dev.sockscope.conformance;

/**
 * The relay role again, with rules loaded that concern every connection and match no message:
 * the proxy relays frame by frame through its interception, and every case must still be judged
 * as without rules, with every byte passed on as it came.
 */
class RelayWithRulesConformanceTest extends RelayConformanceTest {
}
