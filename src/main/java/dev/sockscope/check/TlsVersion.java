package dev.sockscope.check;

/** The protocol versions the probe offers, one at a time, with their wire codes. */
public enum TlsVersion {
    SSL_3_0(0x0300, "SSLv3"), TLS_1_0(0x0301, "TLSv1.0"), TLS_1_1(0x0302, "TLSv1.1"), TLS_1_2(0x0303, "TLSv1.2"),
    TLS_1_3(0x0304, "TLSv1.3");

    private final int code;
    private final String label;

    TlsVersion(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The version with this wire code, or null. */
    public static TlsVersion of(int code) {
        for (TlsVersion v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
