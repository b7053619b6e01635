package com.callflowrules.facts;

/**
 * What happened to a call: the first fact of every decision. Rules match on the event's type;
 * the fields are the event's own data.
 */
public sealed interface CallEvent
        permits CallArrived,
                AccessCodeEntered,
                RoleCodeEntered,
                AdmissionRequested,
                DtmfPressed,
                CallLeft,
                MeetingStopDue {}
