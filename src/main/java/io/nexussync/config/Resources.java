package io.nexussync.config;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties a resource's close to the Camel context's stop. Lazy registry beans cannot use a destroy method: the registry
 * would create a never-used bean just to destroy it.
 */
public final class Resources {

    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private Resources() {
    }

    public static <T extends AutoCloseable> T closeOnStop(CamelContext context, T resource) {
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    try {
                        resource.close();
                    } catch (Exception e) {
                        LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.getMessage());
                    }
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot register " + resource.getClass().getSimpleName(), e);
        }
        return resource;
    }
}
