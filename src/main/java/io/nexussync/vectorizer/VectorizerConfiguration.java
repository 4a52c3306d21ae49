package io.nexussync.vectorizer;

import io.nexussync.config.Resources;
import io.nexussync.config.SettingsReader;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The Vectorizer client shared by every feature. */
public class VectorizerConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public VectorizerSettings vectorizerSettings(CamelContext context) {
        return VectorizerSettings.from(SettingsReader.of(context));
    }

    @BindToRegistry(lazy = true)
    public VectorizerClient vectorizerClient(CamelContext context, VectorizerSettings settings) {
        return Resources.closeOnStop(context, new VectorizerClient(settings));
    }

    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("vectorizerSettings", VectorizerSettings.class);
    }
}
