package dev.sockscope.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logback's configuration, in code: logs go to {@code sockscope.log} (the window) or
 * {@code sockscope-cli.log} (the command line) in the data directory's
 * logs folder (three rolled files of 10 MB), the console stays clean for the CLI's own output
 * unless {@code --verbose}. Logback finds it through the service loader. In code rather than in
 * logback.xml because reading the XML loaded about 400 classes and took 400 ms of every
 * command's start (measured: see docs/performance.md).
 *
 * <p>Main sets {@code sockscope.logdir} before the first logger is made (empty when the data
 * directory cannot be used: then there is no log file); {@code --verbose} sets
 * {@code sockscope.console} and {@code sockscope.level}.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // Logback prints its own status (stack traces included) to stdout when an appender fails:
        // never to a user, whose stdout may be JSON. A log file that cannot be written is left out.
        context.getStatusManager().add(new NopStatusListener());
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        String dir = System.getProperty("sockscope.logdir", System.getProperty("java.io.tmpdir"));
        // The window and the command line write different files: a CLI run while the window is
        // open must not write into (or roll over) the window's log.
        String name = System.getProperty("sockscope.logname", "sockscope");
        if (writable(dir, name)) {
            root.addAppender(fileAppender(context, dir, name));
        }
        String console = System.getProperty("sockscope.console");
        if (console != null) {
            root.addAppender(consoleAppender(context, console));
        }
        context.getLogger("dev.sockscope").setLevel(Level.toLevel(System.getProperty("sockscope.level"), Level.INFO));
        context.getLogger("org.java_websocket").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** True when the log folder exists or can be made, and a log file can be written in it. */
    private static boolean writable(String dir, String name) {
        if (dir == null || dir.isBlank()) {
            return false;
        }
        try {
            Path path = Files.createDirectories(Path.of(dir));
            Path log = path.resolve(name + ".log");
            return Files.isWritable(path) && (!Files.exists(log) || Files.isWritable(log));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, String dir, String name) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/" + name + ".log");
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/" + name + ".%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n"));
        file.start();
        return file;
    }

    private static ConsoleAppender<ILoggingEvent> consoleAppender(LoggerContext context, String level) {
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(level);
        threshold.start();
        stderr.addFilter(threshold);
        stderr.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
        stderr.start();
        return stderr;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
