package com.callflowrules.webhooks;

import com.callflowrules.decision.Decision;
import com.callflowrules.facts.Action;
import com.callflowrules.session.Call;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decision carried out for a call into the jambonz verbs the platform runs next: a prompt
 * is a {@code gather} of digits that posts them back, a join or a wait is a {@code conference}
 * named by the call's room, a disconnect plays its prompt and hangs up, a drop is a
 * {@code sip:decline}. Checked against jambonz's published JSON Schema ({@code @jambonz/schema})
 * by the tests. The table is in docs/call-routers.md.
 */
final class JambonzAnswers {

    static final String CODE_STEP = "/conference/v2/jambonz/access_code";
    static final String STATUS_STEP = "/conference/v2/jambonz/status";
    static final String WAIT_STEP = "/conference/v2/jambonz/wait";

    private final WebhookProperties properties;

    JambonzAnswers(WebhookProperties properties) {
        this.properties = properties;
    }

    List<Map<String, Object>> answer(Call call, Decision decision) {
        List<Map<String, Object>> verbs = new ArrayList<>();
        switch (decision.action()) {
            case PROMPT_ACCESS_CODE, REPROMPT_ACCESS_CODE -> {
                List<String> prompts = plays(decision);
                // a gather plays one prompt while it listens; any before it are played first
                prompts.subList(0, Math.max(0, prompts.size() - 1)).forEach(url -> verbs.add(play(url)));
                Map<String, Object> gather = verb("gather");
                gather.put("input", List.of("digits"));
                gather.put("actionHook", CODE_STEP);
                gather.put("finishOnKey", "#");
                gather.put("timeout", DecisionMedia.collectSeconds(decision));
                if (!prompts.isEmpty()) {
                    gather.put("play", Map.of("url", prompts.get(prompts.size() - 1)));
                }
                verbs.add(gather);
            }
            case JOIN, WAIT -> {
                plays(decision).forEach(url -> verbs.add(play(url)));
                verbs.add(conference(call, decision));
            }
            case DISCONNECT -> {
                plays(decision).forEach(url -> verbs.add(play(url)));
                verbs.add(verb("hangup"));
            }
            case DROP -> {
                Map<String, Object> decline = verb("sip:decline");
                decline.put("status", 603);
                decline.put(
                        "reason",
                        decision.reason() == null
                                ? "Decline"
                                : decision.reason().name());
                verbs.add(decline);
            }
            case IN_CALL_ACTION, IGNORE, LEFT -> {
                // nothing to run: an empty list leaves the call where it is
            }
        }
        return verbs;
    }

    /** What a caller waiting for its meeting hears, looped: the room's music on hold. */
    List<Map<String, Object>> waitMusic(String music) {
        Map<String, Object> play = play(properties.music(music));
        play.put("loop", 0);
        return List.of(play);
    }

    private Map<String, Object> conference(Call call, Decision decision) {
        Map<String, String> values = decision.properties();
        Map<String, Object> conference = verb("conference");
        conference.put("name", call.meetingRoomSid());
        conference.put("beep", "on".equals(values.get("conference_entrytones_enabled")));
        conference.put("joinMuted", Boolean.TRUE.equals(decision.muted()));
        conference.put("startConferenceOnEnter", decision.action() != Action.WAIT);
        conference.put("endConferenceOnExit", false);
        if ("on".equals(values.get("conference_moh_enabled"))) {
            conference.put("waitHook", WAIT_STEP + "?music=" + values.get("conference_moh"));
        }
        conference.put("statusHook", STATUS_STEP);
        conference.put("statusEvents", List.of("join", "leave"));
        return conference;
    }

    private static Map<String, Object> verb(String name) {
        Map<String, Object> verb = new LinkedHashMap<>();
        verb.put("verb", name);
        return verb;
    }

    private static Map<String, Object> play(String url) {
        Map<String, Object> play = verb("play");
        play.put("url", url);
        return play;
    }

    private List<String> plays(Decision decision) {
        return DecisionMedia.promptUrls(decision, properties);
    }
}
