package dev.sockscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.diff.ConversationDiff;
import dev.sockscope.diff.Difference;
import dev.sockscope.diff.MessageDiff;
import java.io.PrintWriter;

/**
 * A {@link ConversationDiff} for people (one line per difference, indented details) and for
 * scripts (JSON), as replay and diff print it.
 */
final class DiffText {
    /** A message shown inline is cut here. */
    private static final int SHOWN = 160;
    /** At most this many lines of one message's differences are printed. */
    private static final int MAX_DETAILS = 20;

    private DiffText() {
    }

    /** The differences only, one block per row; nothing when equal. */
    static void print(ConversationDiff diff, String firstName, String secondName, PrintWriter out) {
        for (ConversationDiff.Row row : diff.differences()) {
            String where = row.direction().wireName() + " #" + (row.a() != null ? row.first() : row.second());
            switch (row.status()) {
                case MISSING -> out.println(where + "  missing in " + secondName + ": " + shown(row.a()));
                case EXTRA -> out.println(row.direction().wireName() + " #" + row.second() + "  extra in " + secondName
                        + " (not in " + firstName + "): " + shown(row.b()));
                default -> {
                    String second = row.second() == row.first() ? "" : " (#" + row.second() + " in " + secondName + ")";
                    out.println(where + second + "  changed:");
                    details(row.diff(), row.a(), row.b()).forEach(line -> out.println("    " + line));
                }
            }
        }
    }

    /** "3 differences in 12 messages (order)" or "no differences in 12 messages". */
    static String summary(ConversationDiff diff) {
        int n = diff.differences().size();
        return (n == 0 ? "no differences" : n + (n == 1 ? " difference" : " differences")) + " in " + diff.rows().size()
                + (diff.rows().size() == 1 ? " message" : " messages");
    }

    private static java.util.List<String> details(MessageDiff d, Message a, Message b) {
        java.util.List<String> lines = new java.util.ArrayList<>(d.explained(a, b));
        if (lines.size() > MAX_DETAILS) {
            int more = lines.size() - MAX_DETAILS;
            lines.subList(MAX_DETAILS, lines.size()).clear();
            lines.add("… and " + more + " more");
        }
        return lines;
    }

    static String shown(Message m) {
        if (m.opcode() != Opcode.TEXT || m.invalidUtf8At() >= 0) {
            String hex = Bytes.hex(java.util.Arrays.copyOf(m.payload(), Math.min(m.size(), 32)));
            return "binary, " + m.size() + " bytes: " + hex + (m.size() > 32 ? "…" : "");
        }
        String text = m.text().replace("\n", "\\n");
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }

    /** One JSON object per row (differences only unless {@code all}). */
    static ArrayNode json(ConversationDiff diff, boolean all) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (ConversationDiff.Row row : all ? diff.rows() : diff.differences()) {
            ObjectNode o = rows.addObject();
            o.put("direction", row.direction().wireName());
            o.put("status", row.status().word());
            if (row.a() != null) {
                o.put("first", row.first());
            }
            if (row.b() != null) {
                o.put("second", row.second());
            }
            if (row.diff() != null && !row.diff().equal()) {
                o.put("kind", row.diff().kind());
                ArrayNode fields = o.putArray("differences");
                for (Difference x : row.diff().json()) {
                    ObjectNode f = fields.addObject();
                    f.put("pointer", x.pointer());
                    f.put("change", x.kind().name().toLowerCase(java.util.Locale.ROOT));
                    f.put("before", x.before());
                    f.put("after", x.after());
                }
                if (!row.diff().lines().isEmpty()) {
                    row.diff().lines().forEach(o.putArray("lines")::add);
                }
                if (row.diff().firstDifferentByte() >= 0) {
                    o.put("firstDifferentByte", row.diff().firstDifferentByte());
                }
            }
            if (row.status() == ConversationDiff.Status.MISSING || row.status() == ConversationDiff.Status.EXTRA) {
                o.put("message", shown(row.a() != null ? row.a() : row.b()));
            }
        }
        return rows;
    }
}
