/**
 * The one vocabulary rules are written in, imported by every rule file with one line ({@code
 * import com.callflowrules.facts.*;}): the hierarchy's records (accounts, DID groups, DIDs, meeting
 * rooms, call flows), the events and state of a call that go into a decision, and the facts rules
 * conclude ({@code Verdict}, {@code Placement}, {@code EffectiveProperties}, ...). Every type is an
 * immutable record or an enum, each closed set spelled one way ({@link com.callflowrules.facts.Spelled}); the rule-base build lets generated code reach only these types and
 * the members listed in its allow-list.
 */
package com.callflowrules.facts;
