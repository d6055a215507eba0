package dev.sockscope.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application version, filtered into a resource at build time. */
public final class Version {
    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/sockscope-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
