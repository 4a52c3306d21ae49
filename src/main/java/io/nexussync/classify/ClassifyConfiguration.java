package io.nexussync.classify;

import io.nexussync.config.SettingsReader;
import io.nexussync.graph.GraphSettings;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of domain classification. */
public class ClassifyConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public DomainClassifier domainScoring(CamelContext context) {
        SettingsReader settings = SettingsReader.of(context);
        DomainRules rules = DomainRulesLoader.load(settings.string(DomainRulesLoader.SETTING, ""));
        return new DomainClassifier(rules);
    }

    @BindToRegistry(lazy = true)
    public ClassifyDomainProcessor domainClassifier(DomainClassifier classifier, GraphSettings graphSettings) {
        return new ClassifyDomainProcessor(classifier, graphSettings.textFields());
    }

    /** Loads the rules at start-up, so a broken rules file stops the bridge before it accepts anything. */
    @Override
    public void configure(CamelContext context) {
        context.getRegistry().lookupByNameAndType("domainScoring", DomainClassifier.class);
    }
}
