package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.testing.OpenSsl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sockscope ca}: made on first use, reused, exported for apps to trust, replaced only when confirmed. */
class CaCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode info() throws Exception {
        CliRun run = CliRun.run(dir.resolve("data"), "ca", "info", "--json");
        assertEquals(0, run.exit(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void infoMakesTheCaOnceAndReusesIt() throws Exception {
        JsonNode first = info();
        assertTrue(first.get("created").asBoolean());
        Path certificate = Path.of(first.get("certificateFile").asText());
        assertEquals(dir.resolve("data").resolve("ca").resolve("sockscope-ca.pem"), certificate);
        assertEquals(OpenSsl.fingerprint(dir, certificate.toString(), "sha256"), first.get("sha256").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                certificate.resolveSibling("sockscope-ca-key.pem"))));
        JsonNode second = info();
        assertFalse(second.get("created").asBoolean());
        assertEquals(first.get("sha256").asText(), second.get("sha256").asText());
        assertEquals(first.get("spkiSha256").asText(), second.get("spkiSha256").asText());
    }

    @Test
    void exportsTheCertificateAsPemOrDerAndNeverTheKey() throws Exception {
        String sha256 = info().get("sha256").asText();
        Path pem = dir.resolve("ca.pem");
        Path der = dir.resolve("ca.der");
        assertEquals(0, CliRun.run(dir.resolve("data"), "ca", "export", pem.toString()).exit());
        assertEquals(0, CliRun.run(dir.resolve("data"), "ca", "export", der.toString(), "--der").exit());
        assertFalse(Files.readString(pem).contains("PRIVATE KEY"));
        assertEquals(sha256, OpenSsl.fingerprint(dir, pem.toString(), "sha256"));
        String fromDer = OpenSsl.run(dir, "openssl", "x509", "-inform", "der", "-in", der.toString(), "-noout",
                "-fingerprint", "-sha256").strip();
        assertEquals(sha256, fromDer.substring(fromDer.indexOf('=') + 1).replace(":", "").toLowerCase(java.util.Locale.ROOT));

        CliRun nowhere = CliRun.run(dir.resolve("data"), "ca", "export", dir.resolve("no-such-dir").resolve("ca.pem").toString());
        assertEquals(1, nowhere.exit());
        assertTrue(nowhere.err().startsWith("sockscope: cannot write " + dir.resolve("no-such-dir").resolve("ca.pem")),
                nowhere.err());
    }

    @Test
    void regeneratingAsksForYesAndThenReplacesIt() throws Exception {
        String old = info().get("sha256").asText();
        CliRun unconfirmed = CliRun.run(dir.resolve("data"), "ca", "regenerate");
        assertEquals(2, unconfirmed.exit());
        assertTrue(unconfirmed.err().contains("add --yes to confirm"), unconfirmed.err());
        assertEquals(old, info().get("sha256").asText(), "kept without --yes");

        CliRun confirmed = CliRun.run(dir.resolve("data"), "ca", "regenerate", "--yes", "--constrain-to", "localhost,*.test");
        assertEquals(0, confirmed.exit(), confirmed.err());
        JsonNode fresh = info();
        assertNotEquals(old, fresh.get("sha256").asText());
        assertEquals("[\"localhost\",\"test\"]", fresh.get("permittedNames").toString());

        CliRun bad = CliRun.run(dir.resolve("data"), "ca", "regenerate", "--yes", "--constrain-to", "a b");
        assertEquals(2, bad.exit());
        assertEquals(fresh.get("sha256").asText(), info().get("sha256").asText());
    }

    @Test
    void aDamagedKeySaysHowToGoOn() throws Exception {
        Path certificate = Path.of(info().get("certificateFile").asText());
        Files.writeString(certificate.resolveSibling("sockscope-ca-key.pem"), "damaged");
        CliRun run = CliRun.run(dir.resolve("data"), "ca", "info");
        assertEquals(1, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("cannot be used") && run.err().contains("sockscope ca regenerate --yes"), run.err());
    }
}
