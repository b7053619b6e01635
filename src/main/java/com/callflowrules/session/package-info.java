/**
 * Live meetings and calls, and the life of a call: each event is decided by the engine and
 * carried out in one transaction; timers (start wait, stop grace) fire from deadlines kept in
 * the database.
 */
package com.callflowrules.session;
