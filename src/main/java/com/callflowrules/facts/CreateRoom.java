package com.callflowrules.facts;

/** A room to create on the fly for an unknown code before the caller joins it. */
public record CreateRoom(RoomToCreate room) {}
