package example.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.callflowrules.decision.CallFacts;
import com.callflowrules.decision.Decision;
import com.callflowrules.decision.DecisionEngine;
import com.callflowrules.facts.Account;
import com.callflowrules.facts.Action;
import com.callflowrules.facts.CallArrived;
import com.callflowrules.facts.CallFlow;
import com.callflowrules.facts.Did;
import com.callflowrules.rules.RulesWatcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The starter: a DecisionEngine bean, reload, the rules health component and decision metrics; no API, no store. */
@SpringBootTest
class RouterApplicationTest {

    @Autowired
    DecisionEngine engine;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Test
    void decidesWithTheShippedRules() {
        Account account = new Account("acc-1", "Acme", CallFlow.sidFor("secured"), Map.of(), Instant.now());
        Did did = new Did("did-1", "acc-1", "15550001000", null, null, Map.of("did_language", "de_DE"), Instant.now());

        Decision decision = engine.decide(new CallArrived("15550001000", "15559990000"), CallFacts.dialed(did, null, account));

        assertThat(decision.action()).isEqualTo(Action.PROMPT_ACCESS_CODE);
        assertThat(decision.callFlow().name()).isEqualTo("secured");
        assertThat(decision.properties()).containsEntry("did_language", "de_DE");
        assertThat(meters.get("callflow.decisions").tag("action", "PROMPT_ACCESS_CODE").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reloadsAndReportsTheRunningRuleBaseInHealth() {
        assertThat(context.getBeansOfType(RulesWatcher.class)).hasSize(1);
        HealthIndicator rules = context.getBean("rulesHealthIndicator", HealthIndicator.class);
        var health = rules.health(true);
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsKeys("version", "call_flows", "last_build_clean");
        assertThat(health.getDetails().get("call_flows")).isEqualTo(engine.ruleBases().current().callFlows().size());
    }

    @Test
    void bringsNeitherTheHttpApiNorTheStore() {
        assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("controller"));
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("callcontrol"));
        assertThat(context.getClassLoader().getResource("application.yaml")).isNull();
        assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isNull();
    }
}
