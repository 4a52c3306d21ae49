package io.nexussync.ingest;

import java.time.Clock;

import io.nexussync.config.SettingsReader;
import io.nexussync.inbox.InboxDepth;
import io.nexussync.inbox.InboxRepository;
import io.nexussync.inbox.InboxSettings;
import io.nexussync.observe.SyncMetrics;
import io.nexussync.store.DurableCommits;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of the signed webhook intake. */
public class IngestConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public WebhookSettings webhookSettings(CamelContext context) {
        return WebhookSettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public WebhookRequestGuard webhookRequestGuard(WebhookSettings settings) {
        return new WebhookRequestGuard(settings.maxBodyBytes());
    }

    @BindToRegistry(lazy = true)
    public SignatureCheckProcessor webhookSignatureCheck(WebhookSettings settings, Clock clock) {
        return new SignatureCheckProcessor(
                new WebhookSignatureVerifier(settings.secretKeys(), settings.toleranceSeconds(), clock));
    }

    @BindToRegistry(lazy = true)
    public ParseEventsProcessor webhookEventParser(WebhookSettings settings) {
        return new ParseEventsProcessor(new WebhookEventParser(settings.maxEvents(), settings.tenant()));
    }

    @BindToRegistry(lazy = true)
    public AcceptDeliveryProcessor deliveryAcceptor(WebhookSettings settings, InboxSettings inboxSettings,
            InboxRepository inbox, DurableCommits durable, InboxDepth depth, SyncMetrics metrics, Clock clock) {
        return new AcceptDeliveryProcessor(inbox, durable, depth, inboxSettings.maxDepth(),
                inboxSettings.fullRetryAfterSeconds(), settings.tenant(), metrics, clock);
    }

    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("webhookSettings", WebhookSettings.class);
    }
}
