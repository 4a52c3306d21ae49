package io.nexussync.routes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.nexussync.Application;
import io.nexussync.testing.RouteTestSupport;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.model.AggregateDefinition;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.model.ThrottleDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The route bundle keeps its conventions: stable ids for JMX, metrics and tests, and explicit error handling. */
@CamelMainTest(mainClass = Application.class)
class RouteBundleRouteTest extends RouteTestSupport {

    private static final List<Class<?>> NAMED_STEPS = List.of(ToDefinition.class, ToDynamicDefinition.class,
            ProcessDefinition.class, BeanDefinition.class, ChoiceDefinition.class, AggregateDefinition.class,
            CircuitBreakerDefinition.class, SplitDefinition.class, ThrottleDefinition.class);

    @BeanInject
    CamelContext context;

    private List<RouteDefinition> routes() {
        return context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions();
    }

    @Test
    void should_give_every_route_an_error_handling_configuration_that_exists() {
        Set<String> configurations = new HashSet<>();
        context.getCamelContextExtension().getContextPlugin(Model.class).getRouteConfigurationDefinitions()
                .stream().map(RouteConfigurationDefinition::getId).forEach(configurations::add);
        assertThat(routes()).allSatisfy(r -> assertThat(r.getRouteConfigurationId())
                .as("routeConfigurationId of %s", r.getRouteId()).isIn(configurations));
    }

    @Test
    void should_prefix_route_ids_with_their_file_name() {
        assertThat(routes()).allSatisfy(r -> {
            String file = r.getResource().getLocation();
            String stem = file.substring(file.lastIndexOf('/') + 1).replace(".camel.yaml", "");
            assertThat(r.getRouteId()).as("route in %s", file).startsWith(stem);
        });
    }

    @Test
    void should_name_direct_endpoints_after_the_route_they_start() {
        routes().stream().filter(r -> r.getInput().getEndpointUri().startsWith("direct:"))
                .forEach(r -> assertThat(r.getInput().getEndpointUri()).isEqualTo("direct:" + r.getRouteId()));
    }

    @Test
    void should_give_every_step_a_unique_id() {
        List<String> ids = new ArrayList<>();
        for (RouteDefinition route : routes()) {
            collect(route.getOutputs(), route.getRouteId(), ids);
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static void collect(List<ProcessorDefinition<?>> steps, String route, List<String> ids) {
        for (ProcessorDefinition<?> step : steps) {
            if (step instanceof OnExceptionDefinition) {
                // copied into every route from its routeConfiguration, where its ids are defined once
                continue;
            }
            if (NAMED_STEPS.stream().anyMatch(k -> k.isInstance(step))) {
                assertThat(step.hasCustomIdAssigned()).as("%s in route %s has an id", step.getShortName(), route)
                        .isTrue();
                ids.add(step.getId());
            }
            collect(step.getOutputs(), route, ids);
            if (step instanceof CircuitBreakerDefinition breaker && breaker.getOnFallback() != null) {
                collect(breaker.getOnFallback().getOutputs(), route, ids);
            }
        }
    }
}
