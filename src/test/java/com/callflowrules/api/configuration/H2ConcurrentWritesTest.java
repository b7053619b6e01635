package com.callflowrules.api.configuration;

import com.callflowrules.support.ServiceTest;

/** Concurrent writes on the embedded store. */
@ServiceTest
class H2ConcurrentWritesTest extends ConcurrentWritesContract {}
