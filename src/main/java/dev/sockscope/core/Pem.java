package dev.sockscope.core;

import java.util.Base64;
import java.util.List;

/** PEM text for certificates, as openssl and browsers write it. */
public final class Pem {
    private Pem() {
    }

    public static String certificate(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    public static String chain(List<byte[]> ders) {
        StringBuilder out = new StringBuilder();
        ders.forEach(der -> out.append(certificate(der)));
        return out.toString();
    }
}
