package dev.sockscope.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Memory that tracks what the app holds, for processes that run all day (the window, the proxy):
 * the heap is collected when the app has been idle a while and gives back what it no longer
 * needs, so a few large messages viewed in the morning do not keep gigabytes resident until
 * night. Set at start through the JVM's manageable flags, so {@code java -jar} gets it too; a
 * flag the user set on the command line is left as they set it. The ceiling stays the JVM's
 * default (a quarter of the machine's memory); see ADR 0007.
 */
public final class HeapPolicy {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HeapPolicy.class);
    /** A collection after this long without one (G1 only; it skips it while the machine is busy). */
    public static final long IDLE_COLLECTION_MILLIS = Long.getLong("sockscope.heap.idleCollectionMillis", 30_000);

    private HeapPolicy() {
    }

    /** Applies the policy; never fails the app (a JVM without these flags keeps its own). */
    public static void applyForLongRunning() {
        Map<String, String> wanted = Map.of(
                "G1PeriodicGCInterval", String.valueOf(IDLE_COLLECTION_MILLIS),
                // Shrink after a collection when over 30% of the heap is free; keep at least 10% free.
                "MaxHeapFreeRatio", "30",
                "MinHeapFreeRatio", "10");
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // MinHeapFreeRatio must stay below MaxHeapFreeRatio at every step: lower the minimum first.
            for (String flag : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
                VMOption current = vm.getVMOption(flag);
                if (current.getOrigin() == VMOption.Origin.DEFAULT || current.getOrigin() == VMOption.Origin.ERGONOMIC) {
                    vm.setVMOption(flag, wanted.get(flag));
                }
            }
        } catch (RuntimeException e) {
            LOG.info("heap policy not applied ({}): the JVM's defaults stay", e.getMessage());
        }
    }
}
