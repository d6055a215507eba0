package dev.sockscope.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Stand-ins for the suite's five data files, made here from a fixed seed with the size and the
 * character of each original (the files themselves are not ours to copy): a results index in
 * JSON and a report in HTML (highly repetitive), German verse (natural language, about 3x), an
 * 8-bit greyscale bitmap (photographic, barely compressible) and a PDF made of compressed streams
 * (incompressible). Text sets are cut by code point, binary sets by byte, as the suite cuts them.
 */
final class DeflateData {
    /** One data set: its title as the suite's report writes it, whether it goes as binary, its content. */
    record DataSet(String title, boolean binary, byte[] bytes, int[] codePoints) {
    }

    static final Supplier<DataSet> JSON = memo(() -> text("Large JSON data file", json(194_056)));
    static final Supplier<DataSet> BITMAP = memo(() -> binary("Lena Picture, Bitmap 512x512 bw", bitmap()));
    static final Supplier<DataSet> FAUST = memo(() -> binary("Human readable text, Goethe's Faust I (German)",
            verse(222_218)));
    static final Supplier<DataSet> HTML = memo(() -> text("Large HTML file", html(263_527)));
    static final Supplier<DataSet> PDF = memo(() -> binary("A larger PDF", pdf(1_042_328)));

    private DeflateData() {
    }

    private static <T> Supplier<T> memo(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    private static DataSet text(String title, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new DataSet(title + " (utf8, " + bytes.length + " bytes)", false, bytes, content.codePoints().toArray());
    }

    private static DataSet binary(String title, byte[] content) {
        return new DataSet(title + " (binary, " + content.length + " bytes)", true, content, null);
    }

    /** An index of test results per agent and case, pretty-printed with three spaces, as the suite's own. */
    private static String json(int size) {
        Random random = new Random(12);
        StringBuilder out = new StringBuilder("{\n");
        String[] agents = {"AutobahnPython/0.6.0", "Chrome/29.0.1547.62", "Firefox/24.0", "Sockscope/1.0"};
        String[] verdicts = {"OK", "OK", "OK", "OK", "NON-STRICT", "INFORMATIONAL", "UNIMPLEMENTED"};
        for (int a = 0; out.length() < size; a++) {
            String agent = agents[a % agents.length] + (a >= agents.length ? "-" + a : "");
            out.append("   \"").append(agent).append("\": {\n");
            for (int group = 1; group <= 13 && out.length() < size; group++) {
                for (int sub = 1; sub <= 8; sub++) {
                    for (int n = 1; n <= 6; n++) {
                        String id = group + "." + sub + "." + n;
                        out.append("      \"").append(id).append("\": {\n")
                                .append("         \"behavior\": \"").append(verdicts[random.nextInt(verdicts.length)]).append("\",\n")
                                .append("         \"behaviorClose\": \"OK\",\n")
                                .append("         \"duration\": ").append(random.nextInt(random.nextBoolean() ? 10 : 2000)).append(",\n")
                                .append("         \"remoteCloseCode\": ").append(random.nextInt(8) == 0 ? "null" : "1000").append(",\n")
                                .append("         \"reportfile\": \"").append(agent.toLowerCase().replaceAll("[^a-z0-9]", "_"))
                                .append("_case_").append(id.replace('.', '_')).append(".json\"\n      },\n");
                    }
                }
            }
            out.append("   },\n");
        }
        return out.substring(0, size);
    }

    /** A results report: a table row per case, then the cases' descriptions; a few non-ASCII characters. */
    private static String html(int size) {
        Random random = new Random(13);
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\" />\n<style lang=\"css\">\n"
                + "body { font-family: Segoe UI, Tahoma, Arial, Verdana, sans-serif; }\ntd.case_ok { background-color: #0a0; }\n"
                + "</style>\n</head>\n<body>\n<h1>WebSocket Protocol Test Report – Übersicht</h1>\n<table id=\"agent_case_results\">\n");
        String[] classes = {"case_ok", "case_ok", "case_ok", "case_non_strict", "case_info", "case_failed"};
        String[] words = {"Pass", "Pass", "Pass", "Non-Strict", "Info", "Fail"};
        int row = 0;
        while (out.toString().getBytes(StandardCharsets.UTF_8).length < size) {
            for (int k = 0; k < 200; k++, row++) {
                int pick = random.nextInt(classes.length);
                out.append("<tr><td class=\"case_id\"><a href=\"#case_desc_").append(row).append("\">Case ").append(row / 100 + 1)
                        .append('.').append(row % 100 + 1).append("</a></td><td class=\"").append(classes[pick]).append("\"><a href=\"")
                        .append("agent_case_").append(row).append(".html\">").append(words[pick]).append("</a><br/><span class=\"")
                        .append("case_duration\">").append(random.nextInt(500)).append(" ms").append(row % 97 == 0 ? " – ausführlich" : "")
                        .append("</span></td><td class=\"close\">").append(random.nextInt(10) == 0 ? "1002" : "1000")
                        .append("</td></tr>\n");
            }
        }
        String all = out.toString();
        int end = all.length();
        while (all.substring(0, end).getBytes(StandardCharsets.UTF_8).length > size) {
            end -= Math.max(1, (all.substring(0, end).getBytes(StandardCharsets.UTF_8).length - size) / 2);
        }
        return all.substring(0, end);
    }

    /** German-like verse: common words and words built from German syllables, umlauts and ß among them. */
    private static byte[] verse(int size) {
        Random random = new Random(14);
        String[] common = ("und die der ich nicht das zu ist es mich mir du sie ein in so was mit sich den wie "
                + "dem auf wenn nur auch an doch ach nun wohl noch schon hier dir mein ihr uns zum von aus "
                + "Geist Welt Herz Nacht Gott Teufel Leben Himmel Erde Blut Seele Wissen Gretchen Liebe Zeit "
                + "Tag Freund Herr Kraft Macht Natur Mensch Augen Hand Haus Straße Brust Glück Träume Gefühl").split(" ");
        String[] syllables = ("ge be ver er zer un an auf aus ein vor nach über unter wei schö grü blü frü "
                + "hei lie stre ba ke mo ten lich keit heit ung schaft en er el st ßen ßig rä mä tö fü").split(" ");
        String[] speakers = {"FAUST", "MEPHISTOPHELES", "MARGARETE", "WAGNER", "CHOR DER ENGEL", "MARTHE"};
        StringBuilder out = new StringBuilder("Faust: Der Tragödie erster Teil\n\nZueignung\n\n");
        while (out.length() < size) {
            out.append("\n").append(speakers[random.nextInt(speakers.length)]).append(":\n");
            for (int line = 2 + random.nextInt(8); line > 0; line--) {
                int words = 5 + random.nextInt(5);
                for (int w = 0; w < words; w++) {
                    String word = random.nextBoolean() ? common[random.nextInt(common.length)] : syllableWord(random, syllables);
                    out.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                    out.append(w + 1 < words ? (random.nextInt(9) == 0 ? ", " : " ") : random.nextInt(4) == 0 ? "!\n" : ",\n");
                }
            }
        }
        return java.util.Arrays.copyOf(out.toString().getBytes(StandardCharsets.UTF_8), size);
    }

    private static String syllableWord(Random random, String[] syllables) {
        StringBuilder word = new StringBuilder();
        for (int s = 1 + random.nextInt(3); s > 0; s--) {
            word.append(syllables[random.nextInt(syllables.length)]);
        }
        return word.toString();
    }

    /** A 512x512 8-bit greyscale BMP: header, grey palette, a smooth picture with grain. */
    private static byte[] bitmap() {
        int side = 512;
        int pixels = side * side;
        ByteBuffer out = ByteBuffer.allocate(54 + 1024 + pixels).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'B').put((byte) 'M').putInt(out.capacity()).putInt(0).putInt(54 + 1024);
        out.putInt(40).putInt(side).putInt(side).putShort((short) 1).putShort((short) 8).putInt(0).putInt(pixels)
                .putInt(2835).putInt(2835).putInt(256).putInt(256);
        for (int grey = 0; grey < 256; grey++) {
            out.put((byte) grey).put((byte) grey).put((byte) grey).put((byte) 0);
        }
        Random grain = new Random(15);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double value = 128 + 60 * Math.sin(x / 37.0) * Math.cos(y / 23.0) + 40 * Math.sin((x + y) / 71.0)
                        + grain.nextGaussian() * 6;
                out.put((byte) Math.max(0, Math.min(255, (int) value)));
            }
        }
        return out.array();
    }

    /** A PDF whose objects are compressed streams, here random bytes: as incompressible as the original. */
    private static byte[] pdf(int size) {
        Random random = new Random(16);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 64 * 1024);
        out.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int object = 1; out.size() < size; object++) {
            byte[] stream = new byte[2_000 + random.nextInt(40_000)];
            random.nextBytes(stream);
            out.writeBytes((object + " 0 obj\n<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(stream);
            out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] all = java.util.Arrays.copyOf(out.toByteArray(), size);
        byte[] end = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(end, 0, all, size - end.length, end.length);
        return all;
    }
}
