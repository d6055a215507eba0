package dev.sockscope.ui.certificate;

import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.TlsReport;
import dev.sockscope.ui.connection.ConnectionTabModel;
import dev.sockscope.ui.fx.FxThread;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Follows a tab's connection and, whenever it captured a TLS session (opened, or refused with the
 * chain the server sent), works out the report on the background executor: parsing and path
 * checks are crypto work and never run on the FX thread.
 */
public final class CertificateViewModel {
    private final ConnectionTabModel tab;
    private final TlsInspection inspection;
    private final Executor background;
    private final ReadOnlyObjectWrapper<TlsReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Connect to a wss:// URL to see its certificates.");
    private long generation;

    public CertificateViewModel(ConnectionTabModel tab, TlsInspection inspection, Executor background) {
        this.tab = tab;
        this.inspection = inspection;
        this.background = background;
        tab.openedProperty().addListener((obs, old, opened) -> {
            if (opened != null) {
                inspect(opened.tls());
            }
        });
        tab.failureProperty().addListener((obs, old, failure) -> {
            if (failure != null) {
                inspect(failure.tls());
            }
        });
        tab.stateProperty().addListener((obs, old, now) -> {
            if (now == dev.sockscope.core.ConnectionState.CONNECTING) {
                generation++;
                report.set(null);
                status.set("Connecting…");
            }
        });
    }

    private void inspect(TlsInfo session) {
        long current = ++generation;
        ConnectRequest request = tab.lastRequest();
        if (session == null || request == null) {
            report.set(null);
            status.set(request != null && !request.url().secure() ? "Plain ws:// connection: no TLS, no certificates."
                    : "No TLS session was established.");
            return;
        }
        status.set("Checking the chain…");
        background.execute(() -> {
            TlsReport result;
            String problem = "";
            try {
                result = inspection.report(session, request.url().host(), request.trust());
            } catch (RuntimeException e) {
                result = null;
                problem = "Could not check the chain: " + e.getMessage();
            }
            TlsReport done = result;
            String message = problem;
            FxThread.run(() -> {
                if (current == generation) {
                    report.set(done);
                    status.set(message);
                }
            });
        });
    }

    public ReadOnlyObjectProperty<TlsReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** What to say when there is no report to show. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Pins the leaf for this tab and connects again; false when there is nothing to pin. */
    public boolean trustLeafAndReconnect() {
        TlsReport current = report.get();
        if (current == null || current.chain().isEmpty()) {
            return false;
        }
        String fingerprint = current.chain().get(0).sha256();
        if (!tab.pins().contains(fingerprint)) {
            tab.pins().add(fingerprint);
        }
        if (tab.stateProperty().get().isActive()) {
            tab.disconnect();
            return true;
        }
        return tab.connect();
    }

}
