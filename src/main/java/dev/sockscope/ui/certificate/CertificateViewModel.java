package dev.sockscope.ui.certificate;

import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.TlsReport;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.TaskSlot;
import dev.sockscope.ui.model.ConnectionModel;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Follows a connection and, whenever it captured a TLS session (opened, or refused with the chain
 * the server sent), works out the report in the background: parsing and path checks are crypto
 * work and never run on the FX thread. A newer session's report replaces an older one's.
 */
public final class CertificateViewModel {
    private final ConnectionModel connection;
    private final TlsInspection inspection;
    private final TaskSlot checking;
    private final Predicate<String> pinAndReconnect;
    private final ReadOnlyObjectWrapper<TlsReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Connect to a wss:// URL to see its certificates.");

    /**
     * @param pinAndReconnect pins a SHA-256 for the connection's owner and connects again (false
     *     when it could not), or null where nothing can reconnect
     */
    public CertificateViewModel(ConnectionModel connection, TlsInspection inspection, Background background,
            Predicate<String> pinAndReconnect) {
        this.connection = connection;
        this.inspection = inspection;
        this.checking = background.slot();
        this.pinAndReconnect = pinAndReconnect;
        connection.openedProperty().addListener((obs, old, opened) -> {
            if (opened != null) {
                inspect(opened.tls());
            }
        });
        connection.failureProperty().addListener((obs, old, failure) -> {
            if (failure != null) {
                inspect(failure.tls());
            }
        });
        connection.stateProperty().addListener((obs, old, now) -> {
            if (now == ConnectionState.CONNECTING) {
                checking.cancel();
                report.set(null);
                status.set("Connecting…");
            }
        });
        if (connection.openedProperty().get() != null) {
            inspect(connection.openedProperty().get().tls());
        } else if (connection.failureProperty().get() != null) {
            inspect(connection.failureProperty().get().tls());
        }
    }

    private void inspect(TlsInfo session) {
        ConnectRequest request = connection.request();
        if (session == null || request == null) {
            checking.cancel();
            report.set(null);
            status.set(request != null && !request.url().secure() ? "Plain ws:// connection: no TLS, no certificates."
                    : "No TLS session was established.");
            return;
        }
        status.set("Checking the chain…");
        checking.submit(control -> inspection.report(session, request.url().host(), request.trust()), done -> {
            report.set(done);
            status.set("");
        }, failed -> {
            report.set(null);
            status.set("Could not check the chain: " + failed.getMessage());
        });
    }

    public ReadOnlyObjectProperty<TlsReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** What to say when there is no report to show. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the leaf can be trusted for the connection's owner (a tab, not a recording). */
    public boolean canTrustLeaf() {
        return pinAndReconnect != null;
    }

    /** Pins the leaf for this tab and connects again; false when there is nothing to pin. */
    public boolean trustLeafAndReconnect() {
        TlsReport current = report.get();
        if (current == null || current.chain().isEmpty() || pinAndReconnect == null) {
            return false;
        }
        return pinAndReconnect.test(current.chain().get(0).sha256());
    }
}
