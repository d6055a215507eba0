package dev.sockscope.ui.certificate;

import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Leg;
import dev.sockscope.core.SessionEvent;
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
    private final Leg leg;
    private final ReadOnlyObjectWrapper<TlsReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Connect to a wss:// URL to see its certificates.");

    /**
     * @param pinAndReconnect pins a SHA-256 for the connection's owner and connects again (false
     *     when it could not), or null where nothing can reconnect
     */
    public CertificateViewModel(ConnectionModel connection, TlsInspection inspection, Background background,
            Predicate<String> pinAndReconnect) {
        this(connection, inspection, background, pinAndReconnect, Leg.UPSTREAM);
    }

    private CertificateViewModel(ConnectionModel connection, TlsInspection inspection, Background background,
            Predicate<String> pinAndReconnect, Leg leg) {
        this.connection = connection;
        this.inspection = inspection;
        this.checking = background.slot();
        this.pinAndReconnect = pinAndReconnect;
        this.leg = leg;
        connection.openedProperty().addListener((obs, old, opened) -> {
            if (opened != null) {
                inspect(tlsOf(opened));
            }
        });
        connection.failureProperty().addListener((obs, old, failure) -> {
            if (failure != null) {
                inspect(failure);
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
            inspect(tlsOf(connection.openedProperty().get()));
        } else if (connection.failureProperty().get() != null) {
            inspect(connection.failureProperty().get());
        }
    }

    /**
     * The leg of a proxied connection the app saw: the chain Sockscope presented to it, judged
     * against Sockscope's CA (what an app that trusts the CA does). Nothing can be pinned there.
     */
    public static CertificateViewModel ofAppLeg(ConnectionModel connection, TlsInspection inspection, Background background) {
        return new CertificateViewModel(connection, inspection, background, null, Leg.CLIENT);
    }

    private TlsInfo tlsOf(SessionEvent.Opened opened) {
        if (leg == Leg.UPSTREAM) {
            return opened.tls();
        }
        return opened.client() == null ? null : opened.client().tls();
    }

    private void inspect(Failure failure) {
        ConnectRequest request = connection.request();
        boolean plain = request == null || !request.url().secure();
        if (leg == Leg.UPSTREAM && failure.tls() != null || plain) {
            inspect(leg == Leg.UPSTREAM ? failure.tls() : null);
            return;
        }
        checking.cancel();
        report.set(null);
        if (failure.kind() == FailureKind.APP_REFUSED_CERTIFICATE) {
            status.set(leg == Leg.CLIENT ? "The app refused the certificate Sockscope presented: it does not trust"
                    + " Sockscope's CA yet. The CA setup assistant says how to install it."
                    : "Sockscope did not connect to the server: the app refused Sockscope's certificate first.");
        } else {
            status.set("No TLS session was established: " + failure.message());
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
        String host = request.url().host();
        checking.submit(control -> leg == Leg.CLIENT ? inspection.reportOfIssued(session, host)
                : inspection.report(session, host, request.trust()), done -> {
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
