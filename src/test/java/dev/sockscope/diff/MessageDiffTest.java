package dev.sockscope.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageDiffTest {
    private static MessageDiff text(String a, String b, String... ignored) {
        return MessageDiff.of(Opcode.TEXT, a.getBytes(StandardCharsets.UTF_8), Opcode.TEXT, b.getBytes(StandardCharsets.UTF_8),
                Set.of(ignored));
    }

    @Test
    void jsonWithItsKeysReorderedIsEqual() {
        MessageDiff diff = text("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"}}", "{\"b\":{\"d\":\"x\",\"c\":[1,2.0]},\"a\":1}");
        assertEquals("json", diff.kind());
        assertTrue(diff.equal(), diff.json().toString());
    }

    @Test
    void aChangedNestedValueIsOneDifferenceWithItsPointer() {
        MessageDiff diff = text("{\"order\":{\"items\":[{\"sku\":\"a\",\"qty\":1}]},\"id\":7}",
                "{\"id\":7,\"order\":{\"items\":[{\"qty\":2,\"sku\":\"a\"}]}}");
        assertEquals(List.of(new Difference("/order/items/0/qty", Difference.Kind.CHANGED, "1", "2")), diff.json());
        assertEquals("/order/items/0/qty changed: 1 -> 2", diff.json().get(0).toString());
    }

    @Test
    void addedRemovedAndVolatileFieldsIgnored() {
        MessageDiff diff = text("{\"id\":1,\"ts\":100,\"items\":[{\"ts\":5,\"v\":1}],\"gone\":true}",
                "{\"id\":2,\"ts\":200,\"items\":[{\"ts\":6,\"v\":1},{\"v\":2}],\"new\":null}", "/id", "/ts", "/items/*/ts");
        assertEquals(List.of(new Difference("/gone", Difference.Kind.REMOVED, "true", null),
                new Difference("/items/1", Difference.Kind.ADDED, null, "{\"v\":2}"),
                new Difference("/new", Difference.Kind.ADDED, null, "null")), diff.json());
    }

    @Test
    void otherTextByLineAndBinaryByItsFirstDifferentByte() {
        MessageDiff lines = text("one\ntwo\nthree", "one\n2\nthree\nfour");
        assertEquals(List.of("- two", "+ 2", "+ four"), lines.lines());
        assertEquals("text", lines.kind());
        MessageDiff bytes = MessageDiff.of(Opcode.BINARY, new byte[] {1, 2, 3}, Opcode.BINARY, new byte[] {1, 2, 4, 5}, Set.of());
        assertEquals(2, bytes.firstDifferentByte());
        assertTrue(MessageDiff.of(Opcode.BINARY, new byte[] {1}, Opcode.BINARY, new byte[] {1}, Set.of()).equal());
        assertEquals("type", MessageDiff.of(Opcode.TEXT, new byte[] {1}, Opcode.BINARY, new byte[] {1}, Set.of()).kind());
    }
}
