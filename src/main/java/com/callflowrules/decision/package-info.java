/**
 * The public decision API: a call event and the facts about a call (the types of {@code
 * com.callflowrules.facts}) go in, a {@code Decision} with its explanation comes out. No Drools
 * type appears here.
 */
package com.callflowrules.decision;
