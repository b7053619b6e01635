/**
 * The engine boundary: loading, compiling, checking and swapping rule bases, and running a
 * rule base over a set of facts. The only package that imports Drools.
 */
package com.callflowrules.rules;
