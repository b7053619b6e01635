/** Call control and live meetings over HTTP, and what-if decisions. */
package com.callflowrules.api.calls;
