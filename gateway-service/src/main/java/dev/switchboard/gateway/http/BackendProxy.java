package dev.switchboard.gateway.http;

import java.nio.charset.StandardCharsets;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.protocol.ProtocolException;
import dev.switchboard.problem.Problem;
import dev.switchboard.problem.ProblemCodes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Forwards a public request to an internal service (chat-service's rooms API, ticker-service's ingest) and answers
 * with what it said: status, JSON or problem+json body and Location. The acting user goes in X-Switchboard-User,
 * taken from the verified token only. A backend error without a problem body becomes one; an unreachable backend is
 * 503 unavailable.
 */
@ApplicationScoped
public class BackendProxy {

    public static final String USER_HEADER = "X-Switchboard-User";

    private static final Logger LOG = Logger.getLogger(BackendProxy.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final ObjectMapper json;
    private final long timeoutMs;

    public BackendProxy(Vertx vertx, ObjectMapper json, GatewayConfig config) {
        this.vertx = vertx;
        this.timeoutMs = config.httpTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .setMaxPoolSize(64));
        this.json = json;
    }

    /**
     * @param baseUrl service base URL
     * @param uri     path and query, already encoded
     * @param userId  the acting user, or null
     * @param body    JSON body, or null
     */
    public Uni<Response> forward(String baseUrl, HttpMethod method, String uri, String userId, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(baseUrl.replaceAll("/$", "") + uri)
                .setIdleTimeout(timeoutMs)
                .putHeader("Accept", "application/json, application/problem+json");
        if (userId != null) {
            options.putHeader(USER_HEADER, userId);
        }
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        Context context = vertx.getOrCreateContext();
        return Uni.createFrom().<Response>emitter(emitter -> context.runOnContext(ignored -> exchange(options, body)
                .onSuccess(emitter::complete).onFailure(emitter::fail)))
                .onFailure().transform(failure -> {
                    LOG.warnf("%s %s%s failed: %s", method, baseUrl, uri, failure.toString());
                    return ProtocolException.unavailable("A backend service is unavailable; retry later");
                });
    }

    /**
     * One request and its whole body. Runs on the event loop of its context: an HttpClientResponse drops the chunks
     * that arrive before body() is asked for and then reads as empty (eclipse-vertx/vert.x#5904). Called from the
     * worker thread that verified the token, the response could be read on the event loop before this thread
     * attached body(), and a 200 went out with an empty body (seen in HttpApiTest). On the context's own thread,
     * body() is attached in the same event-loop task that delivers the response head.
     */
    private Future<Response> exchange(RequestOptions options, Buffer body) {
        return client.request(options)
                .compose(request -> (body == null ? request.send() : request.send(body))
                        .compose(response -> response.body().map(bytes -> toResponse(response, bytes))));
    }

    private Response toResponse(HttpClientResponse response, Buffer bytes) {
        int status = response.statusCode();
        String type = response.getHeader("Content-Type");
        boolean problem = type != null && type.startsWith(Problem.MEDIA_TYPE);
        if (status >= 400 && !problem) {
            // Never leak a backend's own error page; keep its status.
            return problemResponse(status, "A backend service answered " + status);
        }
        Response.ResponseBuilder builder = Response.status(status);
        if (bytes.length() > 0) {
            builder.entity(bytes.getBytes()).type(type == null ? "application/json" : type);
        }
        String location = response.getHeader("Location");
        if (location != null) {
            builder.header("Location", location);
        }
        return builder.build();
    }

    private Response problemResponse(int status, String detail) {
        Problem problem = Problem.of(status, ProblemCodes.code(status), detail);
        try {
            return Response.status(status).type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
