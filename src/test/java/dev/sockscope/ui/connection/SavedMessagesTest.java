package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.TabState.SavedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved messages written to a file and read back; a file that is not one is refused with why. */
class SavedMessagesTest {
    @TempDir
    Path dir;

    @Test
    void aListWrittenToAFileReadsBackTheSame() throws Exception {
        List<SavedMessage> messages = List.of(new SavedMessage("subscribe", "json", "{\"op\":\"sub\"}"),
                new SavedMessage("heartbeat", "hex", "00 01 ff"), new SavedMessage("multi\nline", "text", "a\nb"));
        Path file = dir.resolve("saved.json");
        SavedMessages.write(messages, file);
        assertEquals(messages, SavedMessages.read(file));
    }

    @Test
    void aFileThatIsNotSavedMessagesIsRefusedSayingWhy() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"messages\": [");
        assertTrue(assertThrows(IOException.class, () -> SavedMessages.read(broken)).getMessage().startsWith("not JSON"));
        Path other = Files.writeString(dir.resolve("other.json"), "{\"log\": {}}");
        assertTrue(assertThrows(IOException.class, () -> SavedMessages.read(other)).getMessage().contains("\"messages\""));
        Path badMode = Files.writeString(dir.resolve("mode.json"), "[{\"name\":\"x\",\"mode\":\"morse\",\"text\":\"...\"}]");
        assertTrue(assertThrows(IOException.class, () -> SavedMessages.read(badMode)).getMessage().contains("morse"));
    }

    @Test
    void aDraftSavedWithoutANameIsNamedByItsFirstLine() {
        assertEquals("{\"op\":\"subscribe\"}", SavedMessages.nameFor("  {\"op\":\"subscribe\"}\n{more}"));
        assertEquals(32, SavedMessages.nameFor("x".repeat(100)).length());
    }
}
