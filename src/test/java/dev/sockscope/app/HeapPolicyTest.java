package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The policy takes effect in a JVM of its own, and leaves a flag the user set alone. */
class HeapPolicyTest {
    public static void main(String[] args) {
        HeapPolicy.applyForLongRunning();
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String flag : List.of("G1PeriodicGCInterval", "MaxHeapFreeRatio", "MinHeapFreeRatio")) {
            System.out.println(flag + "=" + vm.getVMOption(flag).getValue());
        }
    }

    private static String run(String... jvmFlags) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HeapPolicyTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.strip();
    }

    @Test
    void idleCollectionsAndShrinkingAreOnUnlessTheUserSaidOtherwise() throws Exception {
        assertEquals("G1PeriodicGCInterval=30000\nMaxHeapFreeRatio=30\nMinHeapFreeRatio=10", run("-XX:+UseG1GC"));
        assertEquals("G1PeriodicGCInterval=5000\nMaxHeapFreeRatio=30\nMinHeapFreeRatio=10",
                run("-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=5000"));
    }
}
