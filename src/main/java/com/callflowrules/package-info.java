/** The callflow-rules service: application entry point; features live in the sub-packages. */
package com.callflowrules;
