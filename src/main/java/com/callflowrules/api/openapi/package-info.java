/** The OpenAPI description: operation ids, error answers, exact request and answer schemas derived from the records and their constraints. */
package com.callflowrules.api.openapi;
