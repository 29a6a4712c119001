package dev.playground.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain JDK HTTP client for checking what goes over the wire, byte for byte. Not thread-safe per call. */
final class RawClient {
  static final ObjectMapper JSON = new ObjectMapper();

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  RawClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  static String chatBody(String model, String prompt, boolean stream) {
    return "{\"model\":\"" + model + "\",\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\""
        + prompt + "\"}]}";
  }

  HttpRequest.Builder chatRequest(String body, String... headers) {
    var b = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer sk-test")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return b;
  }

  HttpResponse<String> chat(String body, String... headers) throws IOException, InterruptedException {
    return http.send(chatRequest(body, headers).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> chat(String model, boolean stream, String... headers) throws IOException, InterruptedException {
    return chat(chatBody(model, "What is a circuit breaker?", stream), headers);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(root() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    return http.send(HttpRequest.newBuilder(URI.create(root() + path)).method(method, publisher).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The server root (without /v1). */
  String root() {
    return baseUrl.substring(0, baseUrl.length() - "/v1".length());
  }

  static JsonNode json(String body) throws IOException {
    return JSON.readTree(body);
  }

  /** The {@code data:} payloads of a server-sent event stream, in order. */
  static List<String> events(String body) {
    List<String> out = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      if (block.isBlank()) continue;
      if (!block.startsWith("data: ")) throw new AssertionError("not an SSE data line: " + block);
      out.add(block.substring("data: ".length()));
    }
    return out;
  }
}
