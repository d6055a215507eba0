package dev.sockscope.ui.ca;

import java.util.List;

/**
 * Step-by-step instructions, per kind of client, to trust Sockscope's CA and to use the proxy, with
 * the commands to copy; and how to undo it. The commands name the CA's real file and the proxy's
 * real address.
 */
final class TrustInstructions {
    /** One step: what to do in words, and a command to copy (empty when there is none). */
    record Step(String text, String command) {
    }

    /** A kind of client, with its steps to trust the CA and its steps to remove it again. */
    record Target(String name, List<Step> install, List<Step> remove) {
        @Override
        public String toString() {
            return name;
        }
    }

    private TrustInstructions() {
    }

    /**
     * @param caFile the CA certificate's file (PEM)
     * @param caName the CA's common name (how stores list it)
     * @param proxy "HOST:PORT" where the proxy listens (or will)
     */
    static List<Target> all(String caFile, String caName, String proxy) {
        String ca = quote(caFile);
        String port = proxy.substring(proxy.lastIndexOf(':') + 1);
        String host = proxy.substring(0, proxy.lastIndexOf(':'));
        List<Target> all = new java.util.ArrayList<>(systems(ca, caFile, caName, proxy, host, port));
        all.addAll(runtimes(ca, proxy, host, port));
        return List.copyOf(all);
    }

    /** Operating systems and browsers. */
    private static List<Target> systems(String ca, String caFile, String caName, String proxy, String host, String port) {
        return List.of(
            new Target("Linux: Debian, Ubuntu", List.of(
                new Step("Copy the CA into the local store (the name must end in .crt) and rebuild the bundle:",
                    "sudo cp " + ca + " /usr/local/share/ca-certificates/sockscope-ca.crt && sudo update-ca-certificates"),
                new Step("Tools that read the system bundle (curl, OpenSSL, Python's ssl, Go) now trust it. Point them at"
                    + " the proxy:", "export HTTPS_PROXY=http://" + proxy + " HTTP_PROXY=http://" + proxy)),
                List.of(new Step("Remove it and rebuild the bundle:",
                    "sudo rm /usr/local/share/ca-certificates/sockscope-ca.crt && sudo update-ca-certificates --fresh"))),
            new Target("Linux: Fedora, RHEL", List.of(
                new Step("Copy the CA into the anchors and rebuild the trust:",
                    "sudo cp " + ca + " /etc/pki/ca-trust/source/anchors/sockscope-ca.pem && sudo update-ca-trust")),
                List.of(new Step("Remove it:",
                    "sudo rm /etc/pki/ca-trust/source/anchors/sockscope-ca.pem && sudo update-ca-trust"))),
            new Target("Chromium and Chrome (Linux, NSS)", List.of(
                new Step("Simplest: \u201cOpen browser through Sockscope\u201d in the proxy tab, which changes nothing here."
                    + " To trust the CA in your own profile (certutil is in libnss3-tools):",
                    "certutil -d sql:$HOME/.pki/nssdb -A -t \"C,,\" -n \"" + caName + "\" -i " + ca),
                new Step("Start the browser through the proxy (loopback included):",
                    "chromium --proxy-server=http://" + proxy + " --proxy-bypass-list='<-loopback>'")),
                List.of(new Step("Remove it:", "certutil -d sql:$HOME/.pki/nssdb -D -n \"" + caName + "\""))),
            new Target("Firefox", List.of(
                new Step("Settings \u2192 Privacy & Security \u2192 Certificates \u2192 View Certificates \u2192 Authorities"
                    + " \u2192 Import, choose the file below and tick \u201cTrust this CA to identify websites\u201d.", caFile),
                new Step("Settings \u2192 General \u2192 Network Settings \u2192 Manual proxy: HTTP proxy " + host + ", port "
                    + port + ", \u201cAlso use this proxy for HTTPS\u201d. For localhost, set network.proxy.allow_hijacking_localhost"
                    + " to true in about:config.", "")),
                List.of(new Step("Certificates \u2192 Authorities: select \u201c" + caName + "\u201d and Delete or Distrust.", ""))),
            new Target("macOS", List.of(
                new Step("Add the CA to the System keychain as trusted for TLS:",
                    "sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain " + ca)),
                List.of(new Step("Remove it:", "sudo security delete-certificate -c \"" + caName
                    + "\" /Library/Keychains/System.keychain"))),
            new Target("Windows", List.of(
                new Step("Add the CA to your user's Trusted Root store (PowerShell):",
                    "Import-Certificate -FilePath " + ca + " -CertStoreLocation Cert:\\CurrentUser\\Root"),
                new Step("Or with certutil:", "certutil -user -addstore Root " + ca)),
                List.of(new Step("Remove it:", "certutil -user -delstore Root \"" + caName + "\""))));
    }

    /** Language runtimes and tools, which keep trust of their own. */
    private static List<Target> runtimes(String ca, String proxy, String host, String port) {
        return List.of(
            new Target("Java (keytool)", List.of(
                new Step("Make a trust store of the JDK's CAs plus Sockscope's (keeps public sites working):",
                    "cp \"$JAVA_HOME/lib/security/cacerts\" sockscope-cacerts && keytool -importcert -noprompt -alias sockscope"
                        + " -file " + ca + " -keystore sockscope-cacerts -storepass changeit"),
                new Step("Run the app with it and the proxy:", "java -Djavax.net.ssl.trustStore=sockscope-cacerts"
                    + " -Djavax.net.ssl.trustStorePassword=changeit -Dhttps.proxyHost=" + host + " -Dhttps.proxyPort=" + port
                    + " -Dhttp.proxyHost=" + host + " -Dhttp.proxyPort=" + port + " -Dhttp.nonProxyHosts= -jar app.jar")),
                List.of(new Step("Drop the flags and delete the file:", "rm sockscope-cacerts"))),
            new Target("Node.js", List.of(
                new Step("Node adds the CA to its own with:", "NODE_EXTRA_CA_CERTS=" + ca + " node app.js"),
                new Step("The ws package does not read proxy variables: give it an agent (npm i https-proxy-agent):",
                    "new WebSocket(url, { agent: new HttpsProxyAgent('http://" + proxy + "') })")),
                List.of(new Step("Unset the variable and drop the agent.", "unset NODE_EXTRA_CA_CERTS"))),
            new Target("Python", List.of(
                new Step("A bundle of the system's CAs plus Sockscope's (SSL_CERT_FILE replaces the default, so keep both):",
                    "cat /etc/ssl/certs/ca-certificates.crt " + ca + " > sockscope-bundle.pem"),
                new Step("ssl and requests read these:", "export SSL_CERT_FILE=$PWD/sockscope-bundle.pem"
                    + " REQUESTS_CA_BUNDLE=$PWD/sockscope-bundle.pem HTTPS_PROXY=http://" + proxy),
                new Step("websockets: pass ssl.create_default_context(cafile=...) to connect(); before version 15 it has no"
                    + " proxy support, so connect through the proxy with an explicit CONNECT socket.", "")),
                List.of(new Step("Unset the variables and delete the bundle:",
                    "unset SSL_CERT_FILE REQUESTS_CA_BUNDLE HTTPS_PROXY && rm sockscope-bundle.pem"))),
            new Target("Go", List.of(
                new Step("On Linux, Go reads SSL_CERT_FILE and the proxy variables (gorilla/websocket's default dialer does"
                    + " too):", "SSL_CERT_FILE=" + ca + " HTTPS_PROXY=http://" + proxy + " go run ."),
                new Step("On macOS and Windows, Go uses the system's store: install the CA there (see those targets).", "")),
                List.of(new Step("Unset the variables.", "unset SSL_CERT_FILE HTTPS_PROXY"))),
            new Target("curl", List.of(
                new Step("Trust the CA for one call and go through the proxy:",
                    "curl --cacert " + ca + " --proxy http://" + proxy + " https://example.com/")),
                List.of(new Step("Nothing to remove: the flags apply to that call only.", ""))),
            new Target("Android emulator", List.of(
                new Step("Copy the CA to the emulator:", "adb push " + ca + " /sdcard/Download/sockscope-ca.crt"),
                new Step("On the device: Settings \u2192 Security \u2192 Encryption & credentials \u2192 Install a certificate"
                    + " \u2192 CA certificate. Apps trust user CAs only when their network_security_config allows it"
                    + " (<certificates src=\"user\"/> in debug-overrides).", ""),
                new Step("Send the emulator's traffic through the proxy (10.0.2.2 is this computer's loopback):",
                    "adb shell settings put global http_proxy 10.0.2.2:" + port)),
                List.of(new Step("Stop using the proxy, then remove the CA under Trusted credentials \u2192 User:",
                    "adb shell settings put global http_proxy :0"))));
    }

    private static String quote(String path) {
        return path.matches("[A-Za-z0-9_./:\\\\-]+") ? path : "\"" + path + "\"";
    }
}
