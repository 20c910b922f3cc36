import java.util.List;
import java.util.concurrent.CountDownLatch;

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
 * </pre>
 *
 * Each option falls back to an environment variable (MONGO_HOST, MONGO_PORT, MONGO_BACKEND),
 * then to 127.0.0.1, 27017 and memory. The server reports MongoDB 4.4.0 (wire version 9), the
 * lowest the current Node driver accepts, and keeps an oplog so change streams work.
 * It prints one line starting with "READY " once it accepts connections and shuts down
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

        MongoBackend backend = createBackend(backendSpec).version(MONGO_4_4);
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        server.bind(host, port);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down mongo-java-server on " + host + ":" + port);
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-launcher-shutdown"));

        System.out.println("READY mongodb://" + host + ":" + port + " backend=" + backendSpec
                + " version=" + MONGO_4_4.toVersionString() + " wire=" + MONGO_4_4.getWireVersion());
        System.out.flush();
        stopped.await();
    }

    private static MongoBackend createBackend(String spec) {
        if (spec.equals("memory")) {
            return new MemoryBackend();
        }
        if (spec.startsWith("h2:") && spec.length() > 3) {
            return new H2Backend(spec.substring(3));
        }
        throw new IllegalArgumentException("backend must be 'memory' or 'h2:<file>', got: " + spec);
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
