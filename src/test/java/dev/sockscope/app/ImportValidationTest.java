package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import checks every message at the boundary: a bad one is named with where it is, and nothing of the file is kept. */
class ImportValidationTest {
    private static final String GOOD = "{\"connection\":1,\"url\":\"ws://h/\",\"direction\":\"send\",\"opcode\":1,"
            + "\"timestamp\":\"2026-11-21T10:00:00.000001Z\",\"size\":2,\"text\":\"hi\"}\n";

    @TempDir
    Path dir;

    private String refusal(AppContext app, String name, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve(name), content);
        UserFacingException refused = assertThrows(UserFacingException.class, () -> app.transfers().importFile(file, "x", false));
        assertEquals(0, app.sessions().sessions().stream().filter(s -> s.frames() > 0 || s.connections() > 0).count(),
                "nothing of a refused file is kept");
        return refused.getMessage().substring(file.toString().length());
    }

    private String refusal(AppContext app, String name, String content) throws Exception {
        return refusal(app, name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void namesTheLineAndWhatIsWrongWithIt() throws Exception {
        try (AppContext app = new AppContext(dir)) {
            assertEquals(" could not be imported: line 3: opcode 3 is not a message's (1 text, 2 binary, 8 close, 9 ping, 10 pong)",
                    refusal(app, "opcode.jsonl", GOOD + GOOD + GOOD.replace("\"opcode\":1", "\"opcode\":3")));
            assertEquals(" could not be imported: line 2: timestamp 'yesterday' is not an ISO-8601 time such as 2026-11-21T10:00:00Z",
                    refusal(app, "time.jsonl", GOOD + GOOD.replace("2026-11-21T10:00:00.000001Z", "yesterday")));
            assertEquals(" could not be imported: line 1: direction is send or receive, not 'up'",
                    refusal(app, "direction.jsonl", GOOD.replace("\"send\"", "\"up\"")));
            assertEquals(" could not be imported: line 1 is not a JSON object (one message per line)",
                    refusal(app, "array.jsonl", "[1,2,3]\n"));
            assertEquals(" could not be imported: line 1: the payload is not base64: Illegal base64 character 21",
                    refusal(app, "base64.jsonl", GOOD.replace("\"text\":\"hi\"", "\"base64\":\"!!\"")));
            assertEquals(" could not be imported: the file is empty", refusal(app, "empty.jsonl", ""));
            assertEquals(" could not be imported: line 1 is not JSON: more than one JSON value on the line (one message per line,"
                    + " each line ending with LF)", refusal(app, "two.jsonl", GOOD.strip() + GOOD));
            assertEquals(" could not be imported: line 1 is not JSON: more than one JSON value on the line (one message per line,"
                    + " each line ending with LF)", refusal(app, "cr.jsonl", GOOD.strip() + "\r" + GOOD.strip() + "\r"));
            byte[] cutShort = (GOOD + "\u20ac").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(" could not be imported: it is not UTF-8 text (a HAR or a JSON Lines export is)",
                    refusal(app, "cut.jsonl", java.util.Arrays.copyOf(cutShort, cutShort.length - 1)));
            byte[] noise = new byte[100_000];
            new Random(7).nextBytes(noise);
            assertEquals(" could not be imported: it is not UTF-8 text (a HAR or a JSON Lines export is)",
                    refusal(app, "noise.bin", noise));
            assertEquals(" could not be imported: it holds no WebSocket connection",
                    refusal(app, "nothing.har", "{\"log\":{\"version\":\"1.2\",\"entries\":[]}}"));
            String har = "{\"log\":{\"entries\":[{\"startedDateTime\":\"2026-11-21T10:00:00Z\",\"_resourceType\":\"websocket\","
                    + "\"request\":{\"url\":\"wss://h/\"},\"response\":{\"status\":101},\"_webSocketMessages\":["
                    + "{\"type\":\"send\",\"time\":1.5,\"opcode\":1,\"data\":\"ok\"},"
                    + "{\"type\":\"receive\",\"time\":1.6,\"opcode\":2,\"data\":\"%%%\"}]}]}}";
            assertEquals(" could not be imported: entry 1, message 2: the payload is not base64: Illegal base64 character 25",
                    refusal(app, "bad.har", har));
            assertEquals(1, app.transfers().importFile(Files.writeString(dir.resolve("good.jsonl"), GOOD), "fine", false).messages());
        }
    }
}
