/**
 * The HTTP API, by feature (configuration, calls, rules) over shared plumbing: errors and their
 * mapping, paging, entity tags, and the request, OpenAPI and security packages.
 */
package com.callflowrules.api;
