package io.nexussync.http;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans shared by every HTTP route. */
public class HttpConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public RejectionReplyProcessor rejectionReply() {
        return new RejectionReplyProcessor(1);
    }

    @Override
    public void configure(CamelContext context) {
        context.getManagementStrategy().addEventNotifier(new HttpErrorBodies(context));
    }
}
