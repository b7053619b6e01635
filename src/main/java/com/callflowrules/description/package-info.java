/**
 * What the service's description says of a value beyond its type, written where the value is
 * declared: {@link com.callflowrules.description.Example}. Depends on nothing, so every layer may
 * use it.
 */
package com.callflowrules.description;
