package com.callflowrules.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the code a rule-base build generates may reference: every type, method and field named
 * by a generated class is looked up here, by the {@link CodeRegion} of the method naming it.
 * Anything not listed is refused, so a new JDK or Drools type is unreachable until someone
 * decides it is safe. Members are listed per type: {@link AuthorMembers} for what the author
 * wrote, {@link EngineMembers} for what only the engine's scaffolding may call. A refusal says
 * what the reference would reach (the system, files, threads, reflection, ...).
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
            "com/callflowrules/facts/ParticipantMute",
            "com/callflowrules/facts/StartHow",
            "com/callflowrules/facts/StopHow",
            "com/callflowrules/facts/DtmfPressed",
            "com/callflowrules/facts/MediaStep",
            "com/callflowrules/facts/MediaKind",
            "com/callflowrules/facts/MeetingState",
            "com/callflowrules/facts/MeetingStopDue",
            "com/callflowrules/facts/Reason",
            "com/callflowrules/facts/RoomToCreate",
            "com/callflowrules/facts/AttemptsLeft",
            "com/callflowrules/facts/CreateRoom",
            "com/callflowrules/facts/EffectiveProperty",
            "com/callflowrules/facts/EffectiveProperties",
            "com/callflowrules/facts/PropertyLayer",
            "com/callflowrules/facts/PropertyReads",
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

    /**
     * What a refused reference reaches, by owner prefix, for a message in the author's terms;
     * the first match wins. Only words: a type not named here is refused all the same.
     */
    private static final List<Map.Entry<String, String>> REACHES = List.of(
            Map.entry("java/lang/Runtime", "the system"),
            Map.entry("java/lang/System", "the system"),
            Map.entry("java/lang/ProcessBuilder", "processes"),
            Map.entry("java/lang/Process", "processes"),
            Map.entry("java/lang/Shutdown", "the system"),
            Map.entry("java/lang/Thread", "threads"),
            Map.entry("java/lang/Object.wait", "threads"),
            Map.entry("java/lang/Object.notify", "threads"),
            Map.entry("java/util/concurrent/ThreadLocalRandom", "randomness"),
            Map.entry("java/util/concurrent/", "threads"),
            Map.entry("java/util/Timer", "threads"),
            Map.entry("java/lang/ref/", "the garbage collector"),
            Map.entry("java/lang/Object.getClass", "reflection"),
            Map.entry("java/lang/ClassLoader", "class loading"),
            Map.entry("java/lang/Class", "reflection"),
            Map.entry("java/lang/reflect/", "reflection"),
            Map.entry("java/lang/invoke/", "reflection"),
            Map.entry("java/lang/Module", "class loading"),
            Map.entry("java/lang/ModuleLayer", "class loading"),
            Map.entry("java/net/URLClassLoader", "class loading"),
            Map.entry("java/beans/", "reflection"),
            Map.entry("sun/misc/Unsafe", "the JVM's memory (Unsafe)"),
            Map.entry("jdk/internal/", "the JVM's internals"),
            Map.entry("sun/", "the JVM's internals"),
            Map.entry("java/io/", "files"),
            Map.entry("java/nio/file/", "files"),
            Map.entry("java/nio/channels/", "files"),
            Map.entry("java/util/zip/", "files"),
            Map.entry("java/util/jar/", "files"),
            Map.entry("java/net/", "the network"),
            Map.entry("javax/net/", "the network"),
            Map.entry("java/rmi/", "the network"),
            Map.entry("javax/naming/", "JNDI (the network)"),
            Map.entry("javax/management/", "JMX (the running service)"),
            Map.entry("java/lang/management/", "JMX (the running service)"),
            Map.entry("java/util/Random", "randomness"),
            Map.entry("java/security/", "security and randomness"),
            Map.entry("java/util/UUID", "randomness"),
            Map.entry("java/lang/Math.random", "randomness"),
            Map.entry("java/time/", "the clock"),
            Map.entry("java/util/Date", "the clock"),
            Map.entry("java/util/Calendar", "the clock"),
            Map.entry("java/util/logging/", "logging"),
            Map.entry("javax/script/", "scripting"),
            Map.entry("org/mvel2/", "scripting (MVEL)"),
            Map.entry("org/drools/model/Global", "globals, which every decision shares"),
            Map.entry("org/drools/model/Channel", "channels out of the rule engine"),
            Map.entry("org/drools/model/operators/MatchesOperator", "a regular expression that is not a constant"),
            Map.entry("org/drools/model/Drools.get", "the rule runtime"),
            Map.entry("org/drools/modelcompiler/consequence/DroolsImpl", "the rule runtime"),
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", "the rule runtime"),
            Map.entry("org/drools/modelcompiler/util/ClassUtil", "class loading (ClassUtil)"),
            Map.entry("org/drools/modelcompiler/util/TypeDeclarationUtil", "reflection (TypeDeclarationUtil)"),
            Map.entry("org/drools/model/codegen/", "the rule compiler, which writes files"),
            Map.entry("org/drools/model/Drools.halt", "the rule runtime"),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D.globalOf", "globals, which every decision shares"),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D.window", "sliding windows, which run on the clock"),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D.entryPoint", "entry points beside the decision's facts"),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D.query", "queries"),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D.executeScript", "scripting (MVEL)"),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D.send", "channels out of the rule engine"),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D.accFunction", "a class named by the rule"),
            Map.entry("org/drools/model/Rule$Attribute.TIMER", "timers, which run on the clock"),
            Map.entry("org/drools/model/Rule$Attribute.CALENDARS", "calendars, which read the clock"),
            Map.entry("org/drools/model/Rule$Attribute.DURATION", "durations, which run on the clock"),
            Map.entry("org/drools/model/Rule$Attribute.DATE_EFFECTIVE", "effective dates, which read the clock"),
            Map.entry("org/drools/model/Rule$Attribute.DATE_EXPIRES", "expiry dates, which read the clock"),
            Map.entry("org/drools/", "the rule engine's own code"),
            Map.entry("org/kie/", "the rule engine's own code"),
            Map.entry("org/springframework/", "the service's own code"),
            Map.entry("com/callflowrules/", "the service's own code"));

    private RuleAllowList() {}

    /**
     * Why code of {@code region} may not reference {@code owner.member} (descriptor
     * {@code descriptor}; {@code member} null for the type alone), or {@code null} when it may.
     * Author code may use the product's types and {@link AuthorMembers}; engine code
     * {@link EngineMembers} as well.
     */
    static String refusal(CodeRegion region, String owner, String member, String descriptor) {
        String type = elementType(owner);
        if (type == null || PRODUCT_TYPES.contains(type)) {
            return null;
        }
        if (listed(AuthorMembers.of(type), member, descriptor)
                || region == CodeRegion.ENGINE
                        && (listed(EngineMembers.of(type), member, descriptor)
                                || member == null && EngineMembers.isModelType(type))) {
            return null;
        }
        String reference = type + (member == null ? "" : "." + member);
        String reaches = REACHES.stream()
                .filter(e -> reference.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        String engine = region == CodeRegion.AUTHOR && EngineMembers.of(type) != null
                ? "; it is the engine's scaffolding, not for rule code"
                : "";
        return reaches == null ? "it is not on the allow-list" + engine : "rules may not reach " + reaches + engine;
    }

    private static boolean listed(Set<String> members, String member, String descriptor) {
        return members != null
                && (member == null
                        || members.contains(member)
                        || descriptor != null && members.contains(member + descriptor));
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
