package dev.sockscope.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGINT and SIGTERM as a request to stop, so a long-running command (the proxy) closes its
 * connections, flushes the recording and returns normally with exit 0, instead of the JVM being
 * torn down with 130 or 143 while a shutdown hook races the recorder.
 *
 * <p>Through {@code sun.misc.Signal} (module jdk.unsupported, in every JDK), reached by reflection:
 * a direct reference is a compile warning no annotation silences. Where it is missing, the default
 * handling stays (the process ends; the recorder's own hook flushes what it can).
 */
final class StopSignals {
    private StopSignals() {
    }

    static void onStop(Runnable stop) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (self, method, args) -> {
                        if (method.getName().equals("handle")) {
                            stop.run();
                        }
                        return null;
                    });
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (String name : new String[] {"INT", "TERM"}) {
                try {
                    handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    // This platform lacks that signal (TERM on Windows).
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // No sun.misc.Signal here: the default handling stays.
        }
    }
}
