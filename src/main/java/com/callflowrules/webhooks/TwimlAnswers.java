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
import java.util.List;
import java.util.Map;

/**
 * Turns a decision carried out for a call into the TwiML the platform runs next, with Twilio's
 * builders: a prompt is a {@code <Gather>} that posts the digits back, a join or a wait is a
 * {@code <Dial><Conference>} named by the call's room, a disconnect plays its prompt and hangs up,
 * a drop is a {@code <Reject>}. The table is in docs/call-routers.md.
 */
final class TwimlAnswers {

    /** Where the digits of a prompt are posted (relative: the platform resolves it against the webhook's URL). */
    static final String CODE_STEP = "/conference/v2/twiml/access_code";
    /** Where the conference reports joins and leaves, and the number its call's end. */
    static final String STATUS_STEP = "/conference/v2/twiml/status";

    private final WebhookProperties properties;

    TwimlAnswers(WebhookProperties properties) {
        this.properties = properties;
    }

    String answer(Call call, Decision decision) {
        VoiceResponse.Builder twiml = new VoiceResponse.Builder();
        switch (decision.action()) {
            case PROMPT_ACCESS_CODE, REPROMPT_ACCESS_CODE -> {
                Gather.Builder gather = new Gather.Builder()
                        .inputs(Gather.Input.DTMF)
                        .finishOnKey("#")
                        .timeout(DecisionMedia.collectSeconds(decision))
                        .action(CODE_STEP)
                        .method(HttpMethod.POST);
                plays(decision).forEach(gather::play);
                twiml.gather(gather.build());
                // no digits before the timeout: the platform goes on here, and the empty entry counts as an attempt
                twiml.redirect(
                        new Redirect.Builder(CODE_STEP).method(HttpMethod.POST).build());
            }
            case JOIN, WAIT -> {
                plays(decision).forEach(twiml::play);
                twiml.dial(new Dial.Builder()
                        .conference(conference(call, decision))
                        .build());
            }
            case DISCONNECT -> {
                plays(decision).forEach(twiml::play);
                twiml.hangup(new Hangup.Builder().build());
            }
            case DROP ->
                twiml.reject(new Reject.Builder().reason(Reject.Reason.REJECTED).build());
            case IN_CALL_ACTION, IGNORE, LEFT -> {
                // nothing for the platform to run: an empty answer leaves the call where it is
            }
        }
        try {
            return twiml.build().toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("TwiML could not be written for " + decision.action(), e);
        }
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
                .waitUrl(
                        "on".equals(values.get("conference_moh_enabled"))
                                ? properties.music(values.get("conference_moh"))
                                : "")
                .statusCallback(STATUS_STEP)
                .statusCallbackMethod(HttpMethod.POST)
                .statusCallbackEvents(List.of(Conference.Event.JOIN, Conference.Event.LEAVE));
        return conference.build();
    }

    private static Conference.Beep beep(Map<String, String> values) {
        boolean entry = "on".equals(values.get("conference_entrytones_enabled"));
        boolean exit = "on".equals(values.get("conference_exittones_enabled"));
        return entry && exit
                ? Conference.Beep.TRUE
                : entry ? Conference.Beep.ONENTER : exit ? Conference.Beep.ONEXIT : Conference.Beep.FALSE;
    }

    private List<Play> plays(Decision decision) {
        return DecisionMedia.promptUrls(decision, properties).stream()
                .map(url -> new Play.Builder(url).build())
                .toList();
    }
}
