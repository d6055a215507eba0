package dev.sockscope.conformance;

import java.util.function.Supplier;

/**
 * What a group 12/13 case exchanges: {@code count} messages of {@code length} bytes (binary sets)
 * or code points (text sets) cut from a data set, each compressed and sent once the echo of the
 * one before was judged, split into frames of {@code autoFragment} compressed bytes (0: whole).
 *
 * @param timeoutMillis the suite's time for the case; the fuzzer closes without a code once it is up
 */
record DeflateCase(Supplier<DeflateData.DataSet> data, int length, int count, int autoFragment,
        DeflateNegotiation.Accept accept, long timeoutMillis) {
}
