package cn.yiyang.planning.app.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The REST API as a department's system calls it: HTTP Basic as one of the demo accounts, against the app a test
 * started on {@code port}. For the API contracts, which otherwise each built the same requests.
 */
public final class ApiClient {

    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    /** A request to {@code path} signed in as {@code user} (the demo password), with a 30 s timeout. */
    public HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + Browser.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param body    the JSON body, or null
     * @param headers header names and values in turn (If-Match, Accept-Language, a Content-Type other than JSON)
     */
    public HttpResponse<String> send(String method, String path, String user, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = request(path, user)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return text(request.build());
    }

    /** Sends a request built with {@link #request}, the answer as text. */
    public HttpResponse<String> text(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    /** Sends a request built with {@link #request}, the answer as bytes (files, tiles). */
    public HttpResponse<byte[]> bytes(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
