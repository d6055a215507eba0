package dev.sockscope.check;

import dev.sockscope.core.CheckItem;
import dev.sockscope.core.CheckReport;
import dev.sockscope.core.CheckRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the endpoint security check: the TLS items for wss://, then the upgrade items, in the order
 * the report shows them. Blocking (many short connections, each bounded by the request's timeout).
 */
public final class EndpointChecker {
    private EndpointChecker() {
    }

    public static CheckReport run(CheckRequest request) {
        Instant started = Instant.now();
        String unreachable = unreachable(request);
        if (unreachable != null) {
            return new CheckReport(request.url().toString(), started, List.of(), unreachable);
        }
        List<CheckItem> items = new ArrayList<>();
        var url = request.url();
        if (url.secure()) {
            TlsScan.Result scan = TlsScan.run(new HelloProber(url.host(), url.port(), request.timeout()));
            items.add(TlsChecks.versions(scan));
            items.add(TlsChecks.suites(scan));
            items.add(CertificateCheck.run(request));
        } else {
            String why = "A ws:// endpoint has no TLS (see plaintext).";
            items.add(CheckItem.skipped(TlsChecks.VERSIONS, why));
            items.add(CheckItem.skipped(TlsChecks.SUITES, why));
            items.add(CheckItem.skipped(CertificateCheck.ID, why));
        }
        UpgradeChecks upgrades = new UpgradeChecks(request);
        items.add(upgrades.plaintext());
        items.add(upgrades.origin());
        items.add(upgrades.auth());
        items.add(upgrades.headers());
        items.add(MessageSizeCheck.run(request));
        return new CheckReport(url.toString(), started, items, null);
    }

    /** Why no TCP connection could be made to the endpoint, or null when one could. */
    private static String unreachable(CheckRequest request) {
        var url = request.url();
        String where = url.authority();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.host(), url.port()), (int) Math.max(1, request.timeout().toMillis()));
            return null;
        } catch (UnknownHostException e) {
            return "unknown host: " + url.host();
        } catch (ConnectException e) {
            return "connection refused: " + where;
        } catch (SocketTimeoutException e) {
            return "no connection to " + where + " within " + request.timeout().toSeconds() + " s";
        } catch (IOException e) {
            return "cannot connect to " + where + ": " + e.getMessage();
        }
    }
}
