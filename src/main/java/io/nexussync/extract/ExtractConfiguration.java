package io.nexussync.extract;

import io.nexussync.config.SettingsReader;
import io.nexussync.graph.GraphSettings;
import io.nexussync.store.StateStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of entity extraction and resolution. */
public class ExtractConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public EntityExtractor entityRecognition(CamelContext context) {
        EntityRules rules = EntityRulesLoader.load(SettingsReader.of(context).string(EntityRulesLoader.SETTING, ""));
        return new EntityExtractor(Gazetteers.builtIn(), rules);
    }

    @BindToRegistry(lazy = true)
    public ExtractEntitiesProcessor entityExtractor(CamelContext context, EntityExtractor extractor, StateStore store,
            GraphSettings graphSettings) {
        SettingsReader settings = SettingsReader.of(context);
        EntityResolver resolver = new EntityResolver(store,
                settings.decimal("entities.fuzzy-threshold", 0.93, 0.5, 1.0),
                settings.integer("entities.cache-size", 100_000, 100, 10_000_000));
        return new ExtractEntitiesProcessor(extractor, resolver, graphSettings.textFields(),
                settings.decimal("entities.min-confidence", 0.5, 0.0, 1.0));
    }

    /** Loads rules and word lists at start-up, so a broken rules file stops the bridge before it accepts anything. */
    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("entityRecognition", EntityExtractor.class);
        context.getRegistry().lookupByNameAndType("entityExtractor", ExtractEntitiesProcessor.class);
    }
}
