package com.callflowrules.decision.outcome;

import com.callflowrules.decision.RoomToCreate;

/** A room to create on the fly for an unknown code before the caller joins it. */
public record CreateRoom(RoomToCreate room) {}
