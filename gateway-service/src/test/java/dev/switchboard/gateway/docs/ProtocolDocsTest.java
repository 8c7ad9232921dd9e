package dev.switchboard.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.switchboard.gateway.protocol.CloseCodes;
import dev.switchboard.gateway.protocol.ErrorCode;
import dev.switchboard.gateway.protocol.FrameType;

/**
 * docs/asyncapi.yaml and docs/protocol.md describe exactly what the code ships: the frame types of each direction
 * (FrameType, itself checked against the frame builders and the WebSocket dispatcher), the error codes (ErrorCode)
 * and the close codes (CloseCodes).
 */
class ProtocolDocsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path DOCS = MODULE.getParent().resolve("docs");
    private static final Path SOURCES = MODULE.resolve("src/main/java/dev/switchboard/gateway");

    private static JsonNode api;
    private static String protocolMd;

    @BeforeAll
    static void read() throws IOException {
        api = new ObjectMapper(new YAMLFactory()).readTree(DOCS.resolve("asyncapi.yaml").toFile());
        protocolMd = Files.readString(DOCS.resolve("protocol.md"));
    }

    @Test
    void theDocumentIsAsyncApi3WithTheWebSocketAndSseChannels() {
        assertEquals("3.0.0", api.path("asyncapi").asText());
        assertEquals("/v1/ws", api.path("channels").path("websocket").path("address").asText());
        assertEquals("/v1/sse", api.path("channels").path("sse").path("address").asText());
    }

    @Test
    void clientFramesDocumentedAreTheFramesTheGatewayHandles() {
        assertEquals(new TreeSet<>(FrameType.wireNames(FrameType.Direction.CLIENT)),
                documentedFrameTypes("websocket", "receive"));
    }

    @Test
    void serverFramesDocumentedAreTheFramesTheGatewayEmits() {
        assertEquals(new TreeSet<>(FrameType.wireNames(FrameType.Direction.SERVER)),
                documentedFrameTypes("websocket", "send"));
    }

    @Test
    void sseEventsAreTheServerFramesOfAStream() {
        Set<String> expected = new TreeSet<>(FrameType.wireNames(FrameType.Direction.SERVER));
        // Only sockets have a handshake, frame ids to answer and pings.
        expected.removeAll(Set.of("welcome", "ack", "pong"));
        assertEquals(expected, documentedFrameTypes("sse", "send"));
    }

    @Test
    void frameTypesAreTheOnesTheCodeBuildsAndDispatches() throws IOException {
        Set<String> emitted = new TreeSet<>();
        Set<String> handled = new TreeSet<>();
        for (Path file : sources("ws", "protocol")) {
            String code = Files.readString(file);
            literalsAfter(code, Pattern.compile("put\\(\"type\",\\s*([^)]*)\\)"), emitted);
            literalsAfter(code, Pattern.compile("\\bframe\\((\"[a-z]+\")"), emitted);
            literalsAfter(code, Pattern.compile("\\btype\\.equals\\((\"[a-z]+\")\\)"), handled);
            literalsAfter(code, Pattern.compile("case\\s+(\"[a-z]+\"(?:\\s*,\\s*\"[a-z]+\")*)\\s*->"), handled);
        }
        assertEquals(new TreeSet<>(FrameType.wireNames(FrameType.Direction.SERVER)), emitted);
        assertEquals(new TreeSet<>(FrameType.wireNames(FrameType.Direction.CLIENT)), handled);
    }

    @Test
    void errorCodesDocumentedAreErrorCode() {
        Set<String> documented = new TreeSet<>();
        api.path("components").path("schemas").path("ErrorCode").path("enum").forEach(code -> documented.add(code.asText()));
        assertEquals(Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).collect(Collectors.toCollection(TreeSet::new)),
                documented);
    }

    @Test
    void closeCodesDocumentedAreCloseCodes() {
        Set<Integer> documented = new TreeSet<>();
        api.path("channels").path("websocket").path("x-close-codes")
                .forEach(entry -> documented.add(entry.path("code").asInt()));
        assertEquals(closeCodes(), documented);
    }

    @Test
    void protocolMdNamesEveryFrameTypeErrorCodeAndCloseCode() {
        for (FrameType type : FrameType.values()) {
            assertTrue(protocolMd.contains("| `" + type.wire() + "` |"), "frame type " + type.wire());
        }
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(protocolMd.contains("| `" + code.wire() + "` |"), "error code " + code.wire());
        }
        for (int code : closeCodes()) {
            assertTrue(protocolMd.contains("| `" + code + "` |"), "close code " + code);
        }
        assertTrue(protocolMd.contains("## Deviations and decisions"));
    }

    /** The payload type const of every message of the channel's operations with that action. */
    private static Set<String> documentedFrameTypes(String channel, String action) {
        Set<String> types = new TreeSet<>();
        api.path("operations").forEach(operation -> {
            if (!operation.path("action").asText().equals(action)
                    || !operation.path("channel").path("$ref").asText().equals("#/channels/" + channel)) {
                return;
            }
            operation.path("messages").forEach(message -> {
                JsonNode payload = resolve(resolve(message).path("payload"));
                String type = payload.path("properties").path("type").path("const").asText();
                assertTrue(!type.isEmpty(), "message without a type const: " + message);
                types.add(type);
            });
        });
        return types;
    }

    /** Follows $ref (local refs only) until a node without one. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            assertTrue(ref.startsWith("#/"), ref);
            current = api.at(ref.substring(1));
            assertTrue(!current.isMissingNode(), "dangling " + ref);
        }
        return current;
    }

    private static Set<Integer> closeCodes() {
        Set<Integer> codes = new TreeSet<>();
        for (Field field : CloseCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    codes.add(field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }

    private static List<Path> sources(String... packages) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String pkg : packages) {
            try (Stream<Path> walk = Files.walk(SOURCES.resolve(pkg))) {
                walk.filter(path -> path.toString().endsWith(".java"))
                        .filter(path -> !path.getFileName().toString().equals("FrameType.java"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static void literalsAfter(String code, Pattern pattern, Set<String> into) {
        Matcher matcher = pattern.matcher(code);
        Pattern literal = Pattern.compile("\"([a-z]+)\"");
        while (matcher.find()) {
            Matcher literals = literal.matcher(matcher.group(1));
            while (literals.find()) {
                into.add(literals.group(1));
            }
        }
    }
}
