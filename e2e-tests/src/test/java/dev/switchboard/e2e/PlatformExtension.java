package dev.switchboard.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the shared {@link Platform} for a test class and stops it when the whole test run ends, inside JUnit: a JVM
 * shutdown hook alone would race Surefire's exit timeout and could leave service processes behind.
 */
public class PlatformExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Platform.class, key -> new Running(Platform.get()), Running.class);
    }

    private record Running(Platform platform) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            platform.stop();
        }
    }
}
