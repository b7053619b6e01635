/**
 * The command lines that talk to a running service: {@code releases export|import}, and the
 * release source of {@code scenarios run|diff}. They go through the service's own release API
 * over HTTP, so a command is held to the same roles, checks and audit as the browser or a script;
 * nothing here opens the store.
 */
package com.callflowrules.cli;
