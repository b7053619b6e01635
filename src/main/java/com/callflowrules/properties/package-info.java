/**
 * The call-flow property schema: the 25 keys of domain.md section 4 with their base values and
 * types, validation that names the key, the value and the rule broken, and typed reads.
 */
package com.callflowrules.properties;
