/** The rule base and rule releases over HTTP: drafts, approval, publication and rollback. */
package com.callflowrules.api.rules;
