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
import ch.qos.logback.core.util.FileSize;

/**
 * Logback's configuration, in code: logs go to {@code sockscope.log} in the data directory's
 * logs folder (three rolled files of 10 MB), the console stays clean for the CLI's own output
 * unless {@code --verbose}. Logback finds it through the service loader. In code rather than in
 * logback.xml because reading the XML loaded about 400 classes and took 400 ms of every
 * command's start (measured: see docs/performance.md).
 *
 * <p>Main sets {@code sockscope.logdir} before the first logger is made; {@code --verbose} sets
 * {@code sockscope.console} and {@code sockscope.level}.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String dir = System.getProperty("sockscope.logdir", System.getProperty("java.io.tmpdir"));
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/sockscope.log");
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/sockscope.%i.log");
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

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(file);
        String console = System.getProperty("sockscope.console");
        if (console != null) {
            ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
            stderr.setContext(context);
            stderr.setName("STDERR");
            stderr.setTarget("System.err");
            ThresholdFilter threshold = new ThresholdFilter();
            threshold.setLevel(console);
            threshold.start();
            stderr.addFilter(threshold);
            stderr.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
            stderr.start();
            root.addAppender(stderr);
        }
        context.getLogger("dev.sockscope").setLevel(Level.toLevel(System.getProperty("sockscope.level"), Level.INFO));
        context.getLogger("org.java_websocket").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
