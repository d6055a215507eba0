package dev.sockscope.ui.check;

import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.EndpointCheck;
import dev.sockscope.core.CheckReport;
import dev.sockscope.core.CheckRequest;
import dev.sockscope.ui.fx.Background;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One tab's security check: what it asks (the tab's request, with the message size typed here),
 * whether it runs, its last report, and a line that says how it went. The check and the exports
 * run in the background; the properties change on the FX thread.
 */
public final class SecurityCheckModel {
    private final Background background;
    private final LongFunction<CheckRequest> request;
    private final ObjectProperty<CheckReport> report = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty messageSize = new SimpleStringProperty("");

    /**
     * @param request the tab's request for a message size (0: off); throws IllegalArgumentException
     *     naming what is wrong with the tab's URL or headers
     */
    public SecurityCheckModel(Background background, LongFunction<CheckRequest> request) {
        this.background = background;
        this.request = request;
    }

    public ObjectProperty<CheckReport> reportProperty() {
        return report;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Bytes of the one message the message-size item sends; blank leaves it off. */
    public StringProperty messageSizeProperty() {
        return messageSize;
    }

    /** Runs the check, unless one is running; a request that cannot be built is said in the status. */
    public void run() {
        if (running.get()) {
            return;
        }
        CheckRequest asked;
        try {
            asked = request.apply(parseSize());
        } catch (IllegalArgumentException e) {
            status.set("Cannot check: " + e.getMessage());
            return;
        }
        running.set(true);
        status.set("Checking " + asked.url() + "… (every probe on its own connection, at most "
                + asked.timeout().toSeconds() + " s each)");
        background.run(control -> EndpointCheck.run(asked), done -> {
            running.set(false);
            report.set(done);
            status.set(done.error() != null ? "Could not check " + done.url() + ": " + done.error()
                    : "Checked " + done.url() + ": " + EndpointCheck.tally(done));
        }, failed -> {
            running.set(false);
            status.set("The check stopped: " + failed.getMessage());
        });
    }

    private long parseSize() {
        String text = messageSize.get() == null ? "" : messageSize.get().strip().replace("_", "").replace(",", "");
        if (text.isEmpty()) {
            return 0;
        }
        try {
            long size = Long.parseLong(text);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the message size is a number of bytes, not '" + messageSize.get() + "'");
        }
    }

    /** The last report as Markdown, or empty before any. */
    public String markdown() {
        return report.get() == null ? "" : EndpointCheck.markdown(report.get());
    }

    /** Writes the last report to {@code file}, as Markdown or JSON; the outcome is said in the status. */
    public void exportTo(Path file, boolean markdown) {
        CheckReport last = report.get();
        if (last == null) {
            return;
        }
        String text = markdown ? EndpointCheck.markdown(last) : EndpointCheck.json(last);
        background.run(control -> Files.writeString(file, text), done -> status.set("Saved the report to " + done),
                failed -> status.set("Could not save the report: " + (failed instanceof IOException io
                        ? DataDirectory.reason(io) : failed.getMessage())));
    }
}
