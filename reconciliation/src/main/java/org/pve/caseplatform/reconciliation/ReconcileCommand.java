package org.pve.caseplatform.reconciliation;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar reconciliation-…-exec.jar --mongo-uri=…}: reconciles the stores and prints the report. Exit
 * status 0 when there is no difference, 1 with differences, 2 on bad arguments, 3 when MongoDB cannot be read.
 */
public final class ReconcileCommand {

    static final int CLEAN = 0;
    static final int DIFFERENCES = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int UNREACHABLE = 3;

    private ReconcileCommand() {
    }

    public static void main(String[] args) {
        // the driver logs its connection chatter through java.util.logging when no SLF4J binding is present
        Logger.getLogger("org.mongodb.driver").setLevel(Level.SEVERE);
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(CommandLine.USAGE);
            return BAD_ARGUMENTS;
        }
        if (line.help()) {
            out.println(CommandLine.USAGE);
            return CLEAN;
        }
        ConnectionString uri;
        try {
            uri = new ConnectionString(line.mongoUri());
        } catch (IllegalArgumentException e) {
            err.println("--mongo-uri: not a MongoDB connection string (" + e.getMessage() + ")");
            return BAD_ARGUMENTS;
        }
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(uri)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS)).build();
        try (MongoClient client = MongoClients.create(settings)) {
            ReconciliationReport report = new Reconciler(client, line.databases(), line.grace(), Clock.systemUTC())
                    .reconcile(line.caseIds());
            if (line.json()) {
                ReportWriter.json(report, out);
            } else {
                ReportWriter.table(report, out);
            }
            return report.clean() ? CLEAN : DIFFERENCES;
        } catch (MongoException e) {
            err.println("MongoDB cannot be read: " + e.getClass().getSimpleName());
            return UNREACHABLE;
        }
    }
}
