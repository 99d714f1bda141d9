package org.pve.caseplatform.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One secured platform for every end-to-end test class of the run: started before the first class that asks for
 * it and closed when the run ends. A start costs five JVMs on two cores, so the classes share it, each making its
 * own invented cases (and distinctive names) so that none depends on another's data.
 */
final class SharedPlatform implements BeforeAllCallback {

    private static volatile SecuredPlatform platform;

    /** The platform, once the extension has started it for the class running now. */
    static SecuredPlatform get() {
        if (platform == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedPlatform.class)");
        }
        return platform;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SharedPlatform.class,
                key -> {
                    platform = SecuredPlatform.start("shared");
                    return (ExtensionContext.Store.CloseableResource) () -> platform.close();
                });
    }
}
