package com.callflowrules.decision;

import com.callflowrules.facts.Level;

/** The level and object that supplied an effective property value. */
public record PropertySource(Level level, String sid) {}
