/** The configuration objects over HTTP: accounts, DID groups, DIDs, meeting rooms and call flows, with versioned (If-Match) writes. */
package com.callflowrules.api.configuration;
