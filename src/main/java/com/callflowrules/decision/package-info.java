/**
 * The public decision API: call events and the facts about a call go in, a {@code Decision} with
 * its explanation comes out. No Drools type appears here.
 */
package com.callflowrules.decision;
