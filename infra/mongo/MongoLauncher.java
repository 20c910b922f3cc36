import java.io.File;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Local MongoDB wire-protocol stand-in for development and tests.
 *
 * <pre>
 * java -cp CLASSPATH MongoLauncher.java [--host H] [--port P] [--backend memory|h2:FILE]
 *                                       [--oplog on|off] [--h2-compact on|off]
 * </pre>
 *
 * Each option falls back to an environment variable (MONGO_HOST, MONGO_PORT, MONGO_BACKEND,
 * MONGO_OPLOG, MONGO_H2_COMPACT), then to 127.0.0.1, 27017, memory, off and on. The server
 * reports MongoDB 4.4.0 (wire version 9), the lowest the current Node driver accepts.
 *
 * <p>The oplog (needed only for change streams) is off by default: it keeps every write for
 * as long as the server runs, in memory or in the H2 file, and costs time on every write.
 *
 * <p>With the H2 backend the file is compacted before it is opened: MVStore only appends while
 * the server is busy, and a write-heavy run leaves a file many times larger than its data
 * (MVStore.compactFile does not shrink such a file in H2 2.3; MVStoreTool.compact, which
 * copies the live data into a new file and swaps it in atomically, does).
 *
 * <p>It prints one line starting with "READY " once it accepts connections and shuts down
 * cleanly (committing the H2 file) on SIGTERM or SIGINT.
 */
public final class MongoLauncher {

    /** MongoDB 4.4: the oldest server version the current Node driver talks to. */
    private static final MongoVersion MONGO_4_4 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    };

    private MongoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = option(args, "--host", "MONGO_HOST", "127.0.0.1");
        int port = Integer.parseInt(option(args, "--port", "MONGO_PORT", "27017"));
        String backendSpec = option(args, "--backend", "MONGO_BACKEND", "memory");
        boolean oplog = onOff(option(args, "--oplog", "MONGO_OPLOG", "off"), "--oplog");
        boolean compact = onOff(option(args, "--h2-compact", "MONGO_H2_COMPACT", "on"), "--h2-compact");

        MongoBackend backend = createBackend(backendSpec, compact).version(MONGO_4_4);
        MongoServer server = new MongoServer(backend);
        if (oplog) {
            server.enableOplog();
        }
        server.bind(host, port);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down mongo-java-server on " + host + ":" + port);
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-launcher-shutdown"));

        System.out.println("READY mongodb://" + host + ":" + port + " backend=" + backendSpec
                + " oplog=" + (oplog ? "on" : "off")
                + (backendSpec.startsWith("h2:") ? " h2-compact=" + (compact ? "on" : "off") : "")
                + " version=" + MONGO_4_4.toVersionString() + " wire=" + MONGO_4_4.getWireVersion());
        System.out.flush();
        stopped.await();
    }

    private static MongoBackend createBackend(String spec, boolean compact) {
        if (spec.equals("memory")) {
            return new MemoryBackend();
        }
        if (spec.startsWith("h2:") && spec.length() > 3) {
            String fileName = spec.substring(3);
            if (compact) {
                compactFile(fileName);
            }
            return new H2Backend(MVStore.open(fileName));
        }
        throw new IllegalArgumentException("backend must be 'memory' or 'h2:<file>', got: " + spec);
    }

    /** Copies the live data of an existing file into a new one that replaces it. */
    private static void compactFile(String fileName) {
        File file = new File(fileName);
        // Finishes or discards what a compaction interrupted by a crash left behind.
        MVStoreTool.compactCleanUp(fileName);
        if (!file.isFile()) {
            return;
        }
        long before = file.length();
        long started = System.nanoTime();
        MVStoreTool.compact(fileName, false);
        System.out.printf("compacted %s: %.1f MB -> %.1f MB in %d ms%n", fileName, before / 1e6,
                file.length() / 1e6, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean onOff(String value, String name) {
        switch (value) {
            case "on":
                return true;
            case "off":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be 'on' or 'off', got: " + value);
        }
    }

    private static String option(String[] args, String name, String envName, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        String fromEnv = System.getenv(envName);
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }
}
