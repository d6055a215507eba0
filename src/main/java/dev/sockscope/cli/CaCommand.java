package dev.sockscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.core.CaInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockscope ca info|export|regenerate}: the certificate authority the proxy signs with. */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = {"Sockscope's own certificate authority, which the proxy signs its certificates with.",
                "It is made on first use, for this install only; its private key never leaves the data directory."},
        subcommands = {CaCommand.Info.class, CaCommand.Export.class, CaCommand.Regenerate.class})
public final class CaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose info, export or regenerate");
    }

    /** {@code ca info [--json]}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Where the CA's certificate is, its fingerprints (the SPKI one is what Chromium's"
                    + " --ignore-certificate-errors-spki-list takes) and how long it is valid.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CaInfo info = LocalAuthority.in(DataDirectory.resolve(dataDir.dataDir)).info();
            print(spec.commandLine().getOut(), info, json);
            return ExitCodes.OK;
        }
    }

    /** {@code ca export FILE [--der]}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the CA's certificate (never its key) to FILE, for an app or a trust store to trust.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--der", description = "DER (binary) instead of PEM.")
        boolean der;

        @Override
        public Integer call() throws Exception {
            Path written = LocalAuthority.in(DataDirectory.resolve(dataDir.dataDir)).export(file, der);
            spec.commandLine().getErr().println("wrote the CA certificate to " + written);
            return ExitCodes.OK;
        }
    }

    /** {@code ca regenerate [--yes] [--constrain-to NAMES]}. */
    @Command(name = "regenerate", mixinStandardHelpOptions = true,
            description = {"Replace the CA with a new one. Every app, browser or trust store given the old one stops"
                    + " trusting the proxy until it is given the new one."})
    static final class Regenerate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--yes", description = "Do not ask (needed when standard input is not a terminal).")
        boolean yes;

        @Option(names = "--constrain-to", paramLabel = "NAMES", split = ",",
                description = "Let the new CA sign only for these names: DNS names (a name covers the names below"
                        + " it; *.test means anything under test) and IP addresses, comma-separated.")
        List<String> constrainTo = List.of();

        @Override
        public Integer call() throws Exception {
            for (String name : constrainTo) {
                if (name.isBlank() || name.contains(" ") || name.indexOf('*', 1) >= 0) {
                    throw UserError.usage("--constrain-to takes names like localhost, *.test or 127.0.0.1, not '"
                            + name + "'");
                }
            }
            LocalAuthority authority = LocalAuthority.in(DataDirectory.resolve(dataDir.dataDir));
            if (!yes && !confirmed(spec.commandLine().getErr())) {
                return ExitCodes.FAILURE;
            }
            CaInfo info = authority.regenerate(constrainTo);
            PrintWriter out = spec.commandLine().getOut();
            print(out, info, false);
            spec.commandLine().getErr().println("made a new CA: give it to your apps again (sockscope ca export FILE)");
            return ExitCodes.OK;
        }

        private static boolean confirmed(PrintWriter err) {
            java.io.Console console = System.console();
            if (console == null) {
                throw UserError.usage("regenerating replaces the CA your apps trust now; add --yes to confirm"
                        + " (standard input is not a terminal to ask on)");
            }
            String answer = console.readLine("Replace the CA? Apps and browsers that trust the current one will stop"
                    + " trusting the proxy. [y/N] ");
            if (answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                return true;
            }
            err.println("sockscope: the CA was kept");
            return false;
        }
    }

    static void print(PrintWriter out, CaInfo info, boolean json) throws Exception {
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("certificateFile", info.certificateFile().toString());
            root.put("subject", info.subject());
            root.put("sha256", info.sha256());
            root.put("spkiSha256", info.spkiSha256());
            root.put("notBefore", info.notBefore().toString());
            root.put("notAfter", info.notAfter().toString());
            root.putPOJO("permittedNames", info.permittedNames());
            root.put("created", info.created());
            out.println(mapper.writeValueAsString(root));
        } else {
            out.println("certificate  " + info.certificateFile());
            out.println("subject      " + info.subject());
            out.println("sha256       " + info.sha256());
            out.println("spki sha256  " + info.spkiSha256());
            out.println("valid        " + info.notBefore() + " to " + info.notAfter());
            out.println("names        " + (info.permittedNames().isEmpty() ? "any" : String.join(", ", info.permittedNames())));
            if (info.created()) {
                out.println("(made just now)");
            }
        }
        out.flush();
    }
}
