package dev.sockscope.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a case counts as conforming: the events per verdict (OK, NON-STRICT), and the close: who
 * must close first, the codes the judged side may close with, whether the handshake must be clean.
 */
record Expectation(Map<String, List<CaseEvent>> events, boolean closedByMe, Set<Integer> closeCodes, boolean requireClean) {
    static Expectation ok(List<CaseEvent> ok, boolean closedByMe, Set<Integer> codes, boolean clean) {
        Map<String, List<CaseEvent>> map = new LinkedHashMap<>();
        map.put("OK", ok);
        return new Expectation(map, closedByMe, codes, clean);
    }

    Expectation nonStrict(List<CaseEvent> alternative) {
        Map<String, List<CaseEvent>> map = new LinkedHashMap<>(events);
        map.put("NON-STRICT", alternative);
        return new Expectation(map, closedByMe, closeCodes, requireClean);
    }

    /** Autobahn closes by itself once what came matches every expected list (in effect: there is only OK). */
    boolean completedBy(List<CaseEvent> received) {
        return events.values().stream().allMatch(received::equals);
    }
}
