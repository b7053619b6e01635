package com.callflowrules.facts;

/**
 * What the call router is told to do with a call: the contract between the engine and whoever
 * carries its decisions out (the service's call control, or a router that keeps its own state).
 * The engine changes nothing itself; every effect below is the router's to make, in one step
 * with recording the decision, before it answers the platform.
 */
public enum Action {
    /** End the call without a prompt; nothing is created ({@code UNKNOWN_NUMBER}, {@code NO_CALL_FLOW}). */
    DROP,
    /**
     * Play {@link com.callflowrules.decision.Decision#media()} and collect digits; send the entry back as
     * {@link AccessCodeEntered} with the wrong tries so far.
     */
    PROMPT_ACCESS_CODE,
    /** As {@link #PROMPT_ACCESS_CODE}, after a wrong or empty entry; {@link com.callflowrules.decision.Decision#attemptsLeft()} says how many remain. */
    REPROMPT_ACCESS_CODE,
    /**
     * Play the media, then hang up ({@link com.callflowrules.decision.Decision#reason()} says why). After {@link MeetingStopDue}
     * with {@code MEETING_ENDED}: end the meeting and every call still in it.
     */
    DISCONNECT,
    /**
     * Hold the caller (music per the media) without starting the meeting; ask again with
     * {@link AdmissionRequested} when the meeting starts, and at the latest after
     * {@link com.callflowrules.decision.Decision#waitSeconds()}, which the rules answer with {@code START_TIMEOUT}.
     */
    WAIT,
    /**
     * Put the caller in {@link com.callflowrules.decision.Decision#meetingRoomSid()} with {@link com.callflowrules.decision.Decision#role()}, muted as
     * {@link com.callflowrules.decision.Decision#muted()} says. First create {@link com.callflowrules.decision.Decision#createRoom()} when it is set (an
     * {@code open} flow's unknown code: atomically, one room per code and scope); start the room's
     * meeting when {@link com.callflowrules.decision.Decision#startMeeting()}; then play the media.
     */
    JOIN,
    /** Carry out {@link com.callflowrules.decision.Decision#inCallAction()} (for example {@code call_mute}, {@code conference_lock}) for the caller. */
    IN_CALL_ACTION,
    /** Do nothing: a key press that matched no binding or is not allowed, a stop timer whose condition no longer holds. */
    IGNORE,
    /**
     * The caller has left: play the media to the meeting (exit tone); when
     * {@link com.callflowrules.decision.Decision#stopAfterSeconds()} is set the stop condition holds, so set a timer and send
     * {@link MeetingStopDue} when it is due (cancel it if somebody joins first).
     */
    LEFT
}
