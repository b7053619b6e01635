package com.callflowrules.webhooks;

import com.callflowrules.decision.Decision;
import com.callflowrules.facts.Action;
import com.callflowrules.session.Call;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Reject;
import com.twilio.twiml.voice.Say;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a decision carried out for a call into the TwiML the platform runs next, with Twilio's
 * builders: a prompt is a {@code <Gather>} that posts the digits back, a join or a wait is a
 * {@code <Dial><Conference>} named by the call's room, a disconnect plays its prompt and hangs up,
 * a drop is a {@code <Reject>}. The table is in docs/call-routers.md.
 */
final class TwimlAnswers {

    /**
     * Where the digits of a prompt are posted (relative: the platform resolves it against the
     * webhook's URL), with the prompt's {@code step}: the call's attempts used when it was asked,
     * so that a retry of the same entry is known as one.
     */
    static final String CODE_STEP = "/conference/v2/twiml/access_code";
    /** Where the conference reports joins and leaves, and the number its call's end. */
    static final String STATUS_STEP = "/conference/v2/twiml/status";

    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final WebhookProperties properties;
    private final DecisionMedia media;

    TwimlAnswers(WebhookProperties properties) {
        this.properties = properties;
        this.media = new DecisionMedia(properties);
    }

    /** Nothing to run: the call stays where it is. */
    static String empty() {
        return EMPTY;
    }

    /** A webhook that could not decide: an apology, then the call is hung up (never an error the platform reads out). */
    String unavailable() {
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        add(media.unavailable(), twiml);
        twiml.hangup(new Hangup.Builder().build());
        return xml(twiml, "an unavailable answer");
    }

    /** The prompt's step in the URL its digits are posted to. */
    static String codeStep(Call call) {
        return CODE_STEP + "?step=" + call.attemptsUsed();
    }

    String answer(Call call, Decision decision) {
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        switch (decision.action()) {
            case PROMPT_ACCESS_CODE, REPROMPT_ACCESS_CODE -> {
                Gather.Builder gather = new Gather.Builder()
                        .inputs(Gather.Input.DTMF)
                        .finishOnKey("#")
                        .timeout(DecisionMedia.collectSeconds(decision))
                        .action(codeStep(call))
                        .method(HttpMethod.POST);
                for (Audio audio : media.prompts(decision)) {
                    if (audio instanceof Audio.Speech speech) {
                        gather.say(say(speech));
                    } else {
                        gather.play(new Play.Builder(((Audio.Recording) audio).url()).build());
                    }
                }
                twiml.gather(gather.build());
                // no digits before the timeout: the platform goes on here, and the empty entry counts as an attempt
                twiml.redirect(new Redirect.Builder(codeStep(call))
                        .method(HttpMethod.POST)
                        .build());
            }
            case JOIN, WAIT -> {
                media.prompts(decision).forEach(audio -> add(audio, twiml));
                twiml.dial(new Dial.Builder()
                        .conference(conference(call, decision))
                        .build());
            }
            case DISCONNECT -> {
                media.prompts(decision).forEach(audio -> add(audio, twiml));
                twiml.hangup(new Hangup.Builder().build());
            }
            case DROP ->
                twiml.reject(new Reject.Builder().reason(Reject.Reason.REJECTED).build());
            case IN_CALL_ACTION, IGNORE, LEFT -> {
                // nothing for the platform to run: an empty answer leaves the call where it is
            }
        }
        return xml(twiml, decision.action().name());
    }

    private static String xml(VoiceResponse.Builder twiml, String what) {
        try {
            return twiml.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("TwiML could not be written for " + what, e);
        }
    }

    private static void add(Audio audio, VoiceResponse.Builder twiml) {
        if (audio instanceof Audio.Speech speech) {
            twiml.say(say(speech));
        } else {
            twiml.play(new Play.Builder(((Audio.Recording) audio).url()).build());
        }
    }

    private static Say say(Audio.Speech speech) {
        Say.Builder say = new Say.Builder(speech.text());
        // a language Twilio does not list is said in its default (en-US) rather than refused
        Arrays.stream(Say.Language.values())
                .filter(language -> language.toString().equalsIgnoreCase(speech.language()))
                .findFirst()
                .ifPresent(say::language);
        return say.build();
    }

    private Conference conference(Call call, Decision decision) {
        Map<String, String> values = decision.properties();
        boolean waiting = decision.action() == Action.WAIT;
        Conference.Builder conference = new Conference.Builder(call.meetingRoomSid())
                .muted(Boolean.TRUE.equals(decision.muted()))
                .beep(beep(values))
                // a waiting caller is in the conference without starting it; the rules decide when it ends
                .startConferenceOnEnter(!waiting)
                .endConferenceOnExit(false)
                .statusCallback(STATUS_STEP)
                .statusCallbackMethod(HttpMethod.POST)
                .statusCallbackEvents(List.of(Conference.Event.JOIN, Conference.Event.LEAVE));
        if (!"on".equals(values.get("conference_moh_enabled"))) {
            conference.waitUrl(""); // silence
        } else if (properties.music(values.get("conference_moh")) != null) {
            // a recording, not TwiML: fetched with GET and looped by the platform
            conference.waitUrl(properties.music(values.get("conference_moh"))).waitMethod(HttpMethod.GET);
        } // else the platform's own hold music
        return conference.build();
    }

    private static Conference.Beep beep(Map<String, String> values) {
        boolean entry = "on".equals(values.get("conference_entrytones_enabled"));
        boolean exit = "on".equals(values.get("conference_exittones_enabled"));
        return entry && exit
                ? Conference.Beep.TRUE
                : entry ? Conference.Beep.ONENTER : exit ? Conference.Beep.ONEXIT : Conference.Beep.FALSE;
    }
}
