/**
 * Webhooks of the programmable-voice platforms: their call webhooks answered in their own markup
 * (TwiML, built with Twilio's helper library), for the decisions of call control.
 */
package com.callflowrules.webhooks;
