package dev.switchboard.presence.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.switchboard.presence.members.MemberState;

class StoreMapperTest {

    private final ObjectMapper shared = new ObjectMapper().findAndRegisterModules();

    @Test
    void storeValuesAreReadWithoutCanonicalizingFieldNames() {
        ObjectMapper store = PresenceTopology.withoutNameCanonicalization(shared);

        assertFalse(store.getFactory().isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES));
        assertTrue(shared.getFactory().isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES),
                "the application's mapper keeps its settings");
    }

    @Test
    void aMemberRecordKeyedByConnectionIdsRoundTrips() throws Exception {
        ObjectMapper store = PresenceTopology.withoutNameCanonicalization(shared);
        MemberState member = new MemberState(JsonNodeFactory.instance.objectNode().put("status", "away"),
                Map.of("c-8f3a", "gw-1", "c-91bb", "gw-2"));

        MemberState read = store.readValue(store.writeValueAsBytes(member), MemberState.class);

        assertEquals(member, read);
    }
}
