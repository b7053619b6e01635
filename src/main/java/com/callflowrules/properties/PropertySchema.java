package com.callflowrules.properties;

import static com.callflowrules.properties.PropertyType.*;

import com.callflowrules.facts.Binding;
import com.callflowrules.facts.InCallEffect;
import com.callflowrules.facts.PropertyReads;
import com.callflowrules.facts.Role;
import com.callflowrules.facts.StartHow;
import com.callflowrules.facts.StopHow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The call-flow property schema of domain.md section 4: every key a flow, account, DID group,
 * DID or meeting room may set, with its base value and type. Unknown keys are refused.
 */
public final class PropertySchema implements PropertyReads {

    private static final Set<Role> EVERYBODY = Set.of(Role.values());
    private static final Set<Role> HOSTS = Set.of(Role.HOST);

    private static final PropertySchema STANDARD = new PropertySchema(List.of(
            new PropertyDefinition(
                    "call_mute_dtmf_binding",
                    "*6",
                    DTMF,
                    "caller mutes/unmutes self",
                    new Binding("call_mute", Set.of(Role.HOST, Role.PARTICIPANT), null, InCallEffect.TOGGLE_OWN_MUTE)),
            new PropertyDefinition(
                    "call_rolepin_dtmf_binding",
                    "99",
                    DTMF,
                    "caller enters another access code to change role",
                    new Binding("call_rolepin", EVERYBODY, null, InCallEffect.CHANGE_ROLE)),
            new PropertyDefinition(
                    "conference_announceparticipantcount_policy",
                    "hpl",
                    ROLES,
                    "roles told the attendee count on entry"),
            new PropertyDefinition(
                    "conference_entrytones_enabled", "on", ON_OFF, "tone to the meeting when someone joins"),
            new PropertyDefinition("conference_exittones_enabled", "on", ON_OFF, "tone when someone leaves"),
            new PropertyDefinition(
                    "conference_hold_dtmf_binding",
                    "*3",
                    DTMF,
                    "host puts participants and listeners on hold",
                    new Binding("conference_hold", HOSTS, null, InCallEffect.TOGGLE_HOLD)),
            new PropertyDefinition(
                    "conference_lock_dtmf_binding",
                    "*7",
                    DTMF,
                    "host locks/unlocks the meeting",
                    new Binding("conference_lock", HOSTS, null, InCallEffect.TOGGLE_LOCK)),
            new PropertyDefinition("conference_moh", "default", MEDIA_NAME, "music played while waiting or on hold"),
            new PropertyDefinition("conference_moh_enabled", "on", ON_OFF, "play that music at all"),
            new PropertyDefinition(
                    "conference_mute_dtmf_binding",
                    "*5",
                    DTMF,
                    "host mutes/unmutes participants",
                    new Binding("conference_mute", HOSTS, null, InCallEffect.TOGGLE_PARTICIPANT_MUTE)),
            new PropertyDefinition(
                    "conference_mute_menu_dtmf_binding",
                    "95",
                    DTMF,
                    "host opens the mute menu (false/relaxed/true)",
                    new Binding("conference_mute_menu", HOSTS, null, InCallEffect.CALL_ROUTER)),
            new PropertyDefinition("conference_mute_policy", "l", ROLES, "roles muted on entry"),
            new PropertyDefinition(
                    "conference_recording_dtmf_binding",
                    "*9",
                    DTMF,
                    "host starts/stops recording",
                    new Binding(
                            "conference_recording",
                            HOSTS,
                            "conference_recording_enabled",
                            InCallEffect.TOGGLE_RECORDING)),
            new PropertyDefinition("conference_recording_enabled", "on", ON_OFF, "recording may be used"),
            new PropertyDefinition(
                    "conference_start_how",
                    "first",
                    START_HOW,
                    "meeting starts with the first caller, or when a host joins"),
            new PropertyDefinition(
                    "conference_start_wait",
                    "360",
                    SECONDS,
                    "how long callers wait for the start before they are disconnected"),
            new PropertyDefinition(
                    "conference_stop_how",
                    "last",
                    STOP_HOW,
                    "meeting ends when the last caller leaves, or the last host"),
            new PropertyDefinition(
                    "conference_stop_wait",
                    "180",
                    SECONDS,
                    "grace time before the meeting ends once the stop condition holds"),
            new PropertyDefinition(
                    "conference_welcomeprompt", "default", MEDIA_NAME, "prompt played on entering the meeting"),
            new PropertyDefinition("conference_welcomeprompt_enabled", "on", ON_OFF, "play it at all"),
            new PropertyDefinition("did_language", "en_US", LOCALE, "language of the prompts"),
            new PropertyDefinition("did_prompt_serial", "001", DIGITS, "version of the prompt set"),
            new PropertyDefinition(
                    "did_welcomeprompt", "default", MEDIA_NAME, "greeting played when the number answers"),
            new PropertyDefinition("accesscode_max_attempts", "3", ATTEMPTS, "access-code tries"),
            new PropertyDefinition("accesscode_input_timeout", "5", SECONDS, "digit-entry timeout")));

    private final Map<String, PropertyDefinition> definitions;
    private final Map<String, String> baseValues;
    private final Map<String, Binding> bindingsByAction;

    private PropertySchema(List<PropertyDefinition> definitions) {
        Map<String, PropertyDefinition> byKey = new LinkedHashMap<>();
        Map<String, String> base = new LinkedHashMap<>();
        for (PropertyDefinition d : definitions) {
            byKey.put(d.key(), d);
            base.put(d.key(), d.baseValue());
        }
        this.definitions = Collections.unmodifiableMap(byKey);
        this.baseValues = Collections.unmodifiableMap(base);
        Map<String, Binding> byAction = new LinkedHashMap<>();
        definitions.stream()
                .filter(d -> d.binding() != null)
                .forEach(d -> byAction.put(d.binding().action(), d.binding()));
        this.bindingsByAction = Collections.unmodifiableMap(byAction);
    }

    /**
     * The schema of domain.md section 4, the product's one: a constant every feature reads, as it
     * would an enum, never a bean or a parameter. The rule base inserts it into each decision as
     * {@link com.callflowrules.facts.PropertyReads}, since facts may not depend on this package.
     */
    public static PropertySchema standard() {
        return STANDARD;
    }

    public Set<String> keys() {
        return definitions.keySet();
    }

    public Optional<PropertyDefinition> definition(String key) {
        return Optional.ofNullable(definitions.get(key));
    }

    @Override
    public boolean onOff(String key, String value) {
        return PropertyValues.onOff(key, value);
    }

    @Override
    public int seconds(String key, String value) {
        return PropertyValues.seconds(key, value);
    }

    @Override
    public int attempts(String key, String value) {
        return PropertyValues.attempts(key, value);
    }

    @Override
    public Set<Role> roles(String key, String value) {
        return PropertyValues.roles(key, value);
    }

    @Override
    public StartHow startHow(String key, String value) {
        return PropertyValues.startHow(key, value);
    }

    @Override
    public StopHow stopHow(String key, String value) {
        return PropertyValues.stopHow(key, value);
    }

    /** What pressing {@code key} does; {@code null} when it is not a binding key (or not a key). */
    @Override
    public Binding binding(String key) {
        PropertyDefinition definition = definitions.get(key);
        return definition == null ? null : definition.binding();
    }

    /** The binding whose action is {@code action}, if the schema has one. */
    public Optional<Binding> bindingOfAction(String action) {
        return Optional.ofNullable(bindingsByAction.get(action));
    }

    /** The in-call actions of every binding, in schema order. */
    public Set<String> actions() {
        return bindingsByAction.keySet();
    }

    /** Every key with its schema base value, in schema order. */
    public Map<String, String> baseValues() {
        return baseValues;
    }

    /** Empty when {@code key} is in the schema and {@code value} fits its type. */
    public Optional<PropertyViolation> check(String key, String value) {
        PropertyDefinition definition = definitions.get(key);
        if (definition == null) {
            return Optional.of(new PropertyViolation(key, value, "unknown property key"));
        }
        return definition.type().check(value).map(reason -> new PropertyViolation(key, value, reason));
    }

    /** Every violation in {@code properties}, in the map's order; empty when all are valid. */
    public List<PropertyViolation> check(Map<String, String> properties) {
        List<PropertyViolation> violations = new ArrayList<>();
        properties.forEach((key, value) -> check(key, value).ifPresent(violations::add));
        violations.addAll(DistinctBindings.violations(properties));
        return violations;
    }

    /** Throws {@link InvalidPropertyException} naming every violation in {@code properties}. */
    public void validate(Map<String, String> properties) {
        List<PropertyViolation> violations = check(properties);
        if (!violations.isEmpty()) {
            throw new InvalidPropertyException(violations);
        }
    }
}
