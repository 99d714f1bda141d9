package org.pve.caseplatform.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for a Spring Boot service, run from a jar by the tests: answers /actuator/health and shows on /echo the
 * args, system property and environment it was started with. With --fail it exits at once.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--fail")) {
            System.out.println("failing on purpose");
            System.exit(3);
        }
        int port = arguments.stream().filter(arg -> arg.startsWith("--server.port="))
                .map(arg -> Integer.parseInt(arg.substring("--server.port=".length()))).findFirst().orElseThrow();
        String echo = String.join("\n", arguments)
                + "\nplatform.embedded=" + System.getProperty("platform.embedded")
                + "\nPLATFORM_KEYSTORE_MASTERKEY=" + System.getenv("PLATFORM_KEYSTORE_MASTERKEY")
                + "\nPLATFORM_PSEUDONYM_SECRET=" + System.getenv("PLATFORM_PSEUDONYM_SECRET")
                + "\nPLATFORM_ISSUER_DEMO_SECRET=" + System.getenv("PLATFORM_ISSUER_DEMO_SECRET") + "\n";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/echo", exchange -> respond(exchange, echo));
        server.start();
        System.out.println("fake service up on " + port);
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
