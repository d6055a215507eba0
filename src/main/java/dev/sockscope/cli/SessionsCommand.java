package dev.sockscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Clock;
import dev.sockscope.core.SessionSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sockscope sessions}: the recorded sessions with their counts, newest first. */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "List recorded sessions with their counts.")
public final class SessionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (AppContext app = AppContext.forReading(DataDirectory.resolve(dataDir.dataDir))) {
            StoreAccess.forReading(app);
            List<SessionSummary> sessions = app.sessions().sessions();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ArrayNode array = mapper.createArrayNode();
                for (SessionSummary s : sessions) {
                    array.addObject().put("name", s.name()).put("notes", s.notes())
                            .put("created", Clock.toInstant(s.createdMicros()).toString())
                            .put("lastActivity", Clock.toInstant(s.lastMicros()).toString())
                            .put("connections", s.connections()).put("failedConnections", s.failed())
                            .put("messages", s.frames()).put("bytes", s.bytes());
                }
                out.println(mapper.writeValueAsString(array));
            } else if (sessions.isEmpty()) {
                out.println("no sessions recorded yet");
            } else {
                out.printf("%-24s %12s %8s %12s %12s  %s%n", "SESSION", "CONNECTIONS", "FAILED", "MESSAGES", "BYTES",
                        "CREATED");
                for (SessionSummary s : sessions) {
                    out.printf("%-24s %12d %8d %12d %12s  %s%n", s.name(), s.connections(), s.failed(), s.frames(),
                            Bytes.humanSize(s.bytes()), Clock.toInstant(s.createdMicros()).toString());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
