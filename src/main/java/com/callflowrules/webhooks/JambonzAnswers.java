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
    private final DecisionMedia media;

    JambonzAnswers(WebhookProperties properties) {
        this.properties = properties;
        this.media = new DecisionMedia(properties);
    }

    /** The prompt's step in the hook its digits are posted to (see {@link TwimlAnswers#codeStep}). */
    static String codeStep(Call call) {
        return CODE_STEP + "?step=" + call.attemptsUsed();
    }

    /** A webhook that could not decide: an apology, then the call is hung up. */
    List<Map<String, Object>> unavailable() {
        return List.of(audio(media.unavailable()), verb("hangup"));
    }

    List<Map<String, Object>> answer(Call call, Decision decision) {
        List<Map<String, Object>> verbs = new ArrayList<>();
        switch (decision.action()) {
            case PROMPT_ACCESS_CODE, REPROMPT_ACCESS_CODE -> {
                List<Audio> prompts = media.prompts(decision);
                // a gather plays or says one prompt while it listens; any before it are played first
                prompts.subList(0, Math.max(0, prompts.size() - 1)).forEach(audio -> verbs.add(audio(audio)));
                Map<String, Object> gather = verb("gather");
                gather.put("input", List.of("digits"));
                gather.put("actionHook", codeStep(call));
                gather.put("finishOnKey", "#");
                gather.put("timeout", DecisionMedia.collectSeconds(decision));
                if (!prompts.isEmpty()) {
                    Map<String, Object> last = audio(prompts.get(prompts.size() - 1));
                    String kind = (String) last.remove("verb");
                    gather.put(kind, last);
                }
                verbs.add(gather);
            }
            case JOIN, WAIT -> {
                media.prompts(decision).forEach(audio -> verbs.add(audio(audio)));
                verbs.add(conference(call, decision));
            }
            case DISCONNECT -> {
                media.prompts(decision).forEach(audio -> verbs.add(audio(audio)));
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

    /**
     * What a caller waiting for its meeting hears: the room's music on hold, looped until the
     * meeting starts ({@code "forever"}, jambonz's endless loop; 0 would play it once).
     */
    List<Map<String, Object>> waitMusic(String music) {
        String url = properties.music(music);
        if (url == null) {
            return List.of(); // no music configured: silence, jambonz has no music of its own
        }
        Map<String, Object> play = verb("play");
        play.put("url", url);
        play.put("loop", "forever");
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
        if ("on".equals(values.get("conference_moh_enabled"))
                && properties.music(values.get("conference_moh")) != null) {
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

    private Map<String, Object> audio(Audio audio) {
        if (audio instanceof Audio.Speech speech) {
            Map<String, Object> say = verb("say");
            say.put("text", speech.text());
            if (WebhookProperties.configured(properties.jambonzSpeechVendor())) {
                say.put(
                        "synthesizer",
                        Map.of("vendor", properties.jambonzSpeechVendor(), "language", speech.language()));
            }
            return say;
        }
        Map<String, Object> play = verb("play");
        play.put("url", ((Audio.Recording) audio).url());
        return play;
    }
}
