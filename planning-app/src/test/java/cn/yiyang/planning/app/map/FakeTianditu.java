package cn.yiyang.planning.app.map;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Tianditu's WMTS on the loopback address: answers a tiny PNG for any GetTile whose
 * tk is {@link #KEY}, an XML error page (status 200, as Tianditu does) for another key, and 429 for
 * the key {@code limited}. Records the request URIs.
 */
final class FakeTianditu implements AutoCloseable {

    static final String KEY = "test-key";
    /** The 8-byte PNG signature and an IHDR start: enough to be an image/png body. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeTianditu() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            requests.add(uri);
            byte[] body;
            int status = 200;
            if (uri.contains("tk=" + KEY)) {
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                body = PNG;
            } else if (uri.contains("tk=limited")) {
                status = 429;
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                body = "too many".getBytes();
            } else {
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                body = "<ExceptionReport>invalid key</ExceptionReport>".getBytes();
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The base URL to configure as planning.tianditu.base-url. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
