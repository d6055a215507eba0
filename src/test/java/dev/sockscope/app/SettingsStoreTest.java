package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAndRestoresTabsWithHeadersDraftsAndTrust() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        TabState tab = new TabState("wss://example.com/feed", List.of(new TabState.HeaderRow("Authorization", "Bearer x", false)),
                "graphql-ws", 30, "/etc/ca.pem", List.of("ab".repeat(32)), "{\"a\":1}", "json",
                List.of(new TabState.SavedMessage("subscribe", "json", "{\"op\":\"sub\"}")), true, true);
        Settings settings = new Settings("dark", true, List.of(tab, TabState.blank()), 1, "bug-1234", new Retention(30, 500));
        store.save(settings);
        assertEquals(settings, new SettingsStore(dir).load());
    }

    @Test
    void savesAndRestoresTheProxySettings() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        ProxyPreferences proxy = ProxyPreferences.defaults().withHost("0.0.0.0").withPort(9090)
                .withReverse("wss://staging.example/socket", true).withIgnoreHosts(List.of("*.bank.example"))
                .withInsecureUpstream(List.of("staging.example")).withCaFile("/etc/company-ca.pem").withMaxMessage(8L << 20);
        Settings defaults = Settings.defaults();
        Settings settings = new Settings(defaults.theme(), defaults.relativeTime(), defaults.tabs(), 0, "default",
                defaults.retention(), 0, List.of(), proxy);
        store.save(settings);
        Settings loaded = new SettingsStore(dir).load();
        assertEquals(proxy, loaded.proxy());
        assertTrue(loaded.proxy().exposed(), "0.0.0.0 is reachable from other machines");
        assertEquals("wss://staging.example/socket", loaded.proxy().toService("s").reverse());
    }

    @Test
    void keepsADamagedFileAsideAndStartsWithDefaults() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ not json");
        Settings loaded = new SettingsStore(dir).load();
        assertEquals(Settings.defaults(), loaded);
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("settings.json.damaged-")));
        }
    }

    @Test
    void createsANewDataDirectoryReadableByThisUserOnly() throws Exception {
        Path fresh = dir.resolve("a/b/sockscope");
        DataDirectory.create(fresh);
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void resolvesTheDataDirectoryFromFlagThenEnvironmentThenOs() {
        assertEquals(Path.of("/x").toAbsolutePath(),
                DataDirectory.resolve(Path.of("/x"), java.util.Map.of("SOCKSCOPE_HOME", "/y"), "Linux", "/home/u"));
        assertEquals(Path.of("/y"), DataDirectory.resolve(null, java.util.Map.of("SOCKSCOPE_HOME", "/y"), "Linux", "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/sockscope"), DataDirectory.resolve(null, java.util.Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("/xdg/sockscope"), DataDirectory.resolve(null, java.util.Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Application Support/Sockscope"),
                DataDirectory.resolve(null, java.util.Map.of(), "Mac OS X", "/Users/u"));
    }
}
