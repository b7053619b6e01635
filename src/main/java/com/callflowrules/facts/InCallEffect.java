package com.callflowrules.facts;

/**
 * What carrying out an in-call action changes in the live state. A binding's row in the
 * {@link com.callflowrules.properties.PropertySchema} names one; the session applies it without knowing the binding.
 */
public enum InCallEffect {
    /** The caller's own mute flips. */
    TOGGLE_OWN_MUTE,
    /** The meeting's lock flips. */
    TOGGLE_LOCK,
    /** The meeting's recording flips. */
    TOGGLE_RECORDING,
    /** Participants are muted, or unmuted, together. */
    TOGGLE_PARTICIPANT_MUTE,
    /** Participants and listeners are put on hold, or taken off it. */
    TOGGLE_HOLD,
    /** The caller is prompted for an access code that gives it another role in the room. */
    CHANGE_ROLE,
    /** No live state changes here: the call router carries the action out (a menu, say). */
    CALL_ROUTER
}
