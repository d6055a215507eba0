package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComposerModelTest {
    @Test
    void validatesJsonAsYouTypeAndSaysWhere() {
        ComposerModel composer = new ComposerModel();
        composer.modeProperty().set(ComposerMode.JSON);
        composer.draftProperty().set("{\"a\": 1,\n \"b\": }");
        assertTrue(composer.problemProperty().get().startsWith("invalid JSON at line 2"), composer.problemProperty().get());
        composer.draftProperty().set("{\"a\": 1}");
        assertEquals("", composer.problemProperty().get());
    }

    @Test
    void formatsAndMinifiesJson() {
        ComposerModel composer = new ComposerModel();
        composer.modeProperty().set(ComposerMode.JSON);
        composer.draftProperty().set("{\"a\":[1,2],\"b\":{\"c\":true}}");
        composer.format();
        assertEquals("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": true\n  }\n}", composer.draftProperty().get(),
                "as the detail pane shows JSON: no space before the colon, arrays one value a line");
        composer.minify();
        assertEquals("{\"a\":[1,2],\"b\":{\"c\":true}}", composer.draftProperty().get());
    }

    @Test
    void saysWhatIsWrongWithJsonInWordsNotTheParsersInternals() {
        ComposerModel composer = new ComposerModel();
        composer.modeProperty().set(ComposerMode.JSON);
        composer.draftProperty().set("{op: 1}");
        composer.validate();
        assertEquals("invalid JSON at line 1, column 2: 'o' where a field name in double quotes should be",
                composer.problemProperty().get());
        composer.draftProperty().set("{\"a\": [1, 2}");
        composer.validate();
        assertFalse(composer.problemProperty().get().contains("code "), composer.problemProperty().get());
        composer.draftProperty().set("{\"a\": tru}");
        composer.validate();
        assertTrue(composer.problemProperty().get().contains("'tru' is not a JSON value"), composer.problemProperty().get());
        composer.draftProperty().set("{\"a\": 1");
        composer.validate();
        assertTrue(composer.problemProperty().get().contains("ends too early"), composer.problemProperty().get());
    }

    @Test
    void offersToConvertADraftTheNewModeCannotSendAndConvertsOnlyWhenAsked() {
        ComposerModel composer = new ComposerModel();
        composer.draftProperty().set("hi!");
        composer.modeProperty().set(ComposerMode.HEX);
        assertEquals(ComposerMode.TEXT, composer.convertibleFromProperty().get(), "offered, not done");
        assertEquals("hi!", composer.draftProperty().get());
        composer.convert();
        assertEquals("68 69 21", composer.draftProperty().get());
        composer.modeProperty().set(ComposerMode.TEXT);
        composer.draftProperty().set("hi!");
        composer.modeProperty().set(ComposerMode.BASE64);
        composer.convert();
        assertEquals("aGkh", composer.draftProperty().get());
        composer.modeProperty().set(ComposerMode.TEXT);
        assertEquals(null, composer.convertibleFromProperty().get(), "base64 text is valid text: nothing to offer");
        composer.modeProperty().set(ComposerMode.HEX);
        composer.draftProperty().set("00ff");
        composer.modeProperty().set(ComposerMode.TEXT);
        assertEquals(null, composer.convertibleFromProperty().get(), "hex digits are valid text as they are");
    }

    @Test
    void checksBinaryDraftsInHexAndBase64() {
        ComposerModel composer = new ComposerModel();
        composer.modeProperty().set(ComposerMode.HEX);
        composer.draftProperty().set("00 ff 1");
        assertFalse(composer.problemProperty().get().isEmpty());
        composer.draftProperty().set("00 ff 10");
        assertEquals("", composer.problemProperty().get());
        composer.modeProperty().set(ComposerMode.BASE64);
        composer.draftProperty().set("AP8Q");
        assertEquals("", composer.problemProperty().get());
    }

    @Test
    void recallsSentDraftsAndReturnsToWhatWasBeingTyped() {
        ComposerModel composer = new ComposerModel();
        composer.remember("one");
        composer.remember("two");
        composer.draftProperty().set("typing");
        assertTrue(composer.recallPrevious());
        assertEquals("two", composer.draftProperty().get());
        assertTrue(composer.recallPrevious());
        assertEquals("one", composer.draftProperty().get());
        assertFalse(composer.recallPrevious());
        assertTrue(composer.recallNext());
        assertTrue(composer.recallNext());
        assertEquals("typing", composer.draftProperty().get());
        assertFalse(composer.recallNext());
    }
}
