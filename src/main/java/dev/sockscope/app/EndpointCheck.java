package dev.sockscope.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.check.EndpointChecker;
import dev.sockscope.core.CheckItem;
import dev.sockscope.core.CheckReport;
import dev.sockscope.core.CheckRequest;
import dev.sockscope.core.CheckVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The endpoint security check for the window and the command line: runs it (blocking, off the FX
 * thread) and writes its report as JSON (the contract of {@code check --json}) and Markdown (for a
 * bug tracker).
 */
public final class EndpointCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EndpointCheck() {
    }

    public static CheckReport run(CheckRequest request) {
        return EndpointChecker.run(request);
    }

    /** One object: url, checkedAt, checks ({id, verdict, summary, evidence, fix}), and error when it could not run. */
    public static String json(CheckReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("url", report.url());
        root.put("checkedAt", report.checkedAt().toString());
        ArrayNode checks = root.putArray("checks");
        for (CheckItem item : report.checks()) {
            ObjectNode check = checks.addObject();
            check.put("id", item.id());
            check.put("verdict", item.verdict().label());
            check.put("summary", item.summary());
            ArrayNode evidence = check.putArray("evidence");
            item.evidence().forEach(evidence::add);
            check.put("fix", item.fix());
        }
        if (report.error() != null) {
            root.put("error", report.error());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report for a bug tracker: a verdict table, each item's evidence and fix, and TLS examples where they help. */
    public static String markdown(CheckReport report) {
        StringBuilder md = new StringBuilder("## Sockscope security check: ").append(report.url()).append("\n\n");
        md.append("Checked ").append(report.checkedAt()).append(".");
        if (report.error() != null) {
            return md.append(" The check could not run: ").append(report.error()).append(".\n").toString();
        }
        md.append(' ').append(tally(report)).append("\n\n| Check | Verdict | Summary |\n|---|---|---|\n");
        for (CheckItem item : report.checks()) {
            md.append("| `").append(item.id()).append("` | ").append(badge(item.verdict())).append(" | ")
                    .append(cell(item.summary())).append(" |\n");
        }
        for (CheckItem item : report.checks()) {
            if (item.verdict() == CheckVerdict.SKIPPED && item.evidence().isEmpty()) {
                continue;
            }
            md.append("\n### `").append(item.id()).append("`: ").append(item.verdict().label()).append("\n\n")
                    .append(item.summary()).append("\n\n");
            if (!item.evidence().isEmpty()) {
                md.append("```\n");
                item.evidence().forEach(line -> md.append(line).append('\n'));
                md.append("```\n");
            }
            if (!item.fix().isEmpty()) {
                md.append("\n**Fix:** ").append(item.fix()).append('\n');
            }
        }
        if (wantsExamples(report)) {
            md.append('\n').append(examples());
        }
        return md.toString();
    }

    /** "2 fail, 1 warn, 4 pass, 1 skipped." */
    public static String tally(CheckReport report) {
        List<String> parts = new java.util.ArrayList<>();
        for (CheckVerdict verdict : List.of(CheckVerdict.FAIL, CheckVerdict.WARN, CheckVerdict.PASS, CheckVerdict.SKIPPED)) {
            long n = report.count(verdict);
            if (n > 0) {
                parts.add(n + " " + verdict.label());
            }
        }
        return String.join(", ", parts) + ".";
    }

    /** True when the report's fixes point at the TLS termination examples (plaintext or a missing header). */
    public static boolean wantsExamples(CheckReport report) {
        return report.checks().stream().anyMatch(c -> (c.id().equals("plaintext") || c.id().equals("headers")
                || c.id().equals("tls-versions")) && c.verdict().atLeast(CheckVerdict.WARN));
    }

    /** The nginx and Caddy examples, as Markdown. */
    public static String examples() {
        try (InputStream in = EndpointCheck.class.getResourceAsStream("wss-termination-examples.md")) {
            if (in == null) {
                throw new IllegalStateException("wss-termination-examples.md is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String badge(CheckVerdict verdict) {
        return switch (verdict) {
            case FAIL -> "**FAIL**";
            case WARN -> "WARN";
            case PASS -> "pass";
            case SKIPPED -> "skipped";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
