package cn.yiyang.planning.app.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client, as wrk has: one kept-alive connection, a GET written as bytes,
 * the status line and headers read up to the blank line, then exactly Content-Length bytes (or the
 * chunks) of the body. One per benchmark thread, never shared. It does as little as possible so that a
 * benchmark measures the server, not the client: the JDK's {@code HttpClient} hands every request to a
 * selector thread and back (on this machine, 20 clients, same server: 8,400 empty-tile requests a second
 * with it, 11,500 with this client).
 */
final class KeepAliveClient implements AutoCloseable {

    /** The response of one request: status and body. */
    record Response(int status, byte[] body) {}

    private final String host;
    private final int port;
    private final String cookie;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(String host, int port, String cookie) {
        this(host, port, "Cookie", cookie);
    }

    /** A client that sends one header of its own with every request (a session cookie, an Authorization). */
    KeepAliveClient(String host, int port, String header, String value) {
        this.host = host;
        this.port = port;
        this.cookie = value == null ? null : header + ": " + value;
    }

    /** GETs the path (with query), reconnecting once when the server has closed the kept-alive connection. */
    Response get(String pathAndQuery) {
        try {
            try {
                return exchange(pathAndQuery);
            } catch (IOException e) { // the server closed an idle connection: once more on a new one
                close();
                return exchange(pathAndQuery);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private Response exchange(String pathAndQuery) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + (cookie == null ? "" : cookie + "\r\n") + "\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) { // trailers
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("body cut short: " + body.length + " of " + length + " bytes");
            }
        } else if (code == 204 || code == 304) {
            body = new byte[0];
        } else {
            throw new IOException("a response without length (HTTP " + code + ")");
        }
        if (closes) {
            close();
        }
        return new Response(code, body);
    }

    /** A header line without its CR LF, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return s.isEmpty() ? null : s.toString();
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
