package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.testing.CliProcess;
import dev.sockscope.testing.EchoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard input piped to {@code connect}: a line of text goes as a text message, a line that is
 * not UTF-8 as a binary message of exactly its bytes (said once on stderr), never with
 * replacement characters. Through a real process, since standard input is the process's.
 */
class StdinBytesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aLineThatIsNotUtf8GoesAsItsBytesInABinaryMessage() throws Exception {
        byte[] notText = {(byte) 0xff, (byte) 0xfe, 'A', (byte) 0xc3};
        java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
        input.write("hello \u00e9\r\n".getBytes(StandardCharsets.UTF_8));
        input.write(notText);
        input.write('\n');
        input.write("after".getBytes(StandardCharsets.UTF_8));
        try (EchoServer server = EchoServer.plain()) {
            CliProcess.Result run = CliProcess.asThisUser().runWithInput(input.toByteArray(), "connect",
                    "ws://127.0.0.1:" + server.boundPort() + "/", "--jsonl", "--data-dir", dir.toString());
            assertEquals(0, run.exit(), run.err());
            assertEquals("sockscope: line 2 of standard input is not valid UTF-8: sent as a binary message, as are"
                    + " any later such lines", run.err().strip());
            List<String> sent = new ArrayList<>();
            List<String> echoed = new ArrayList<>();
            for (String line : run.out().lines().toList()) {
                JsonNode frame = JSON.readTree(line);
                String opcode = frame.get("opcode").asText();
                if (!opcode.equals("text") && !opcode.equals("binary")) {
                    continue;
                }
                String payload = opcode + ":" + (frame.has("text") ? frame.get("text").asText() : frame.get("base64").asText());
                (frame.get("direction").asText().equals("send") ? sent : echoed).add(payload);
            }
            List<String> expected = List.of("text:hello \u00e9", "binary:" + Base64.getEncoder().encodeToString(notText),
                    "text:after");
            assertEquals(expected, sent);
            assertEquals(expected, echoed, "the server got exactly those bytes");
            assertTrue(run.out().contains("\"closeCode\":1000"), run.out());
        }
    }
}
