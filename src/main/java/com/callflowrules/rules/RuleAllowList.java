package com.callflowrules.rules;

import java.util.Map;
import java.util.Set;

/**
 * What the code a rule-base build generates may reference: every type, method and field named
 * by a generated class is looked up here. Anything not listed is refused, so a new JDK or
 * Drools type is unreachable until someone decides it is safe. Members are listed per type
 * ({@link ListedMembers}).
 */
final class RuleAllowList {

    /** Product fact and action types: records and enums, pure values. */
    private static final Set<String> PRODUCT_TYPES = Set.of(
            "com/callflowrules/facts/AccessCodeEntered",
            "com/callflowrules/facts/RoleCodeEntered",
            "com/callflowrules/facts/Action",
            "com/callflowrules/facts/AdmissionRequested",
            "com/callflowrules/facts/Attendees",
            "com/callflowrules/facts/CallArrived",
            "com/callflowrules/facts/CallEvent",
            "com/callflowrules/facts/CallLeft",
            "com/callflowrules/facts/CallState",
            "com/callflowrules/facts/DtmfPressed",
            "com/callflowrules/facts/MediaStep",
            "com/callflowrules/facts/MeetingState",
            "com/callflowrules/facts/MeetingStopDue",
            "com/callflowrules/facts/Reason",
            "com/callflowrules/facts/RoomToCreate",
            "com/callflowrules/facts/AttemptsLeft",
            "com/callflowrules/facts/CreateRoom",
            "com/callflowrules/facts/EffectiveProperty",
            "com/callflowrules/facts/EffectiveProperties",
            "com/callflowrules/facts/PropertyLayer",
            "com/callflowrules/facts/InCallAction",
            "com/callflowrules/facts/Media",
            "com/callflowrules/facts/MeetingStop",
            "com/callflowrules/facts/MuteOnEntry",
            "com/callflowrules/facts/Placement",
            "com/callflowrules/facts/SelectedFlow",
            "com/callflowrules/facts/StartMeeting",
            "com/callflowrules/facts/Verdict",
            "com/callflowrules/facts/WaitForStart",
            "com/callflowrules/facts/AccessCode",
            "com/callflowrules/facts/Account",
            "com/callflowrules/facts/CallFlow",
            "com/callflowrules/facts/Did",
            "com/callflowrules/facts/DidGroup",
            "com/callflowrules/facts/MeetingRoom",
            "com/callflowrules/facts/Level",
            "com/callflowrules/facts/Role",
            "com/callflowrules/facts/FlowBehaviour",
            "com/callflowrules/facts/FlowEntry",
            "com/callflowrules/facts/UnknownCode",
            "com/callflowrules/facts/Binding",
            "com/callflowrules/facts/InCallEffect");

    /** Packages of the rule model DSL the generated code is written in; all members but the refused ones below. */
    private static final Set<String> MODEL_PACKAGES = Set.of(
            "org/drools/model/",
            "org/drools/modelcompiler/dsl/",
            // the built-in accumulate functions (count, sum, min, max, average, collectList, ...)
            "org/drools/core/base/accumulators/",
            "org/drools/modelcompiler/util/",
            "org/kie/api/builder/model/",
            "org/kie/api/conf/");
    /** Model members that reach shared state, the clock or the runtime. */
    private static final Map<String, String> MODEL_REFUSED = Map.ofEntries(
            Map.entry("globalOf", "globals, which every decision shares"),
            Map.entry("TIMER", "timers, which run on the clock"),
            Map.entry("timer", "timers, which run on the clock"),
            Map.entry("CALENDARS", "calendars, which read the clock"),
            Map.entry("DURATION", "durations, which run on the clock"),
            Map.entry("DATE_EFFECTIVE", "effective dates, which read the clock"),
            Map.entry("DATE_EXPIRES", "expiry dates, which read the clock"),
            Map.entry("window", "sliding windows, which run on the clock"),
            Map.entry("getRuntime", "the rule runtime"),
            Map.entry("getKieRuntime", "the rule runtime"),
            Map.entry("getContext", "the rule runtime"),
            Map.entry("halt", "the rule runtime"),
            Map.entry("getChannel", "channels out of the rule engine"));
    /** Model types that run code or read state outside the decision. */
    private static final Set<String> MODEL_TYPES_REFUSED =
            Set.of("org/drools/model/operators/MatchesOperator", "org/drools/model/Channel", "org/drools/model/Global");

    private RuleAllowList() {}

    /** Why {@code owner.member} (descriptor {@code descriptor}) may not be referenced, or {@code null} when it may. */
    static String refusal(String owner, String member, String descriptor) {
        String type = elementType(owner);
        if (type == null || PRODUCT_TYPES.contains(type)) {
            return null;
        }
        Set<String> members = ListedMembers.of(type);
        if (members != null) {
            return member == null
                            || members.contains(member)
                            || descriptor != null && members.contains(member + descriptor)
                    ? null
                    : "it is not on the allow-list";
        }
        if (MODEL_PACKAGES.stream().anyMatch(type::startsWith)) {
            if (MODEL_TYPES_REFUSED.contains(type)) {
                return "it reaches outside the decision";
            }
            String why = member == null ? null : MODEL_REFUSED.get(member);
            return why == null ? null : "rules may not use " + why;
        }
        return "it is not on the allow-list";
    }

    /** The class named by an internal name or array descriptor; {@code null} for primitives. */
    private static String elementType(String owner) {
        String type = owner;
        while (type.startsWith("[")) {
            type = type.substring(1);
        }
        if (type.length() == 1) {
            return null;
        }
        return type.startsWith("L") && type.endsWith(";") ? type.substring(1, type.length() - 1) : type;
    }
}
