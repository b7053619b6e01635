/** The HTTP API: controllers, response shapes, error mapping and security. */
package com.callflowrules.api;
