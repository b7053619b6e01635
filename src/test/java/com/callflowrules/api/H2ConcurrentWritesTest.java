package com.callflowrules.api;

import com.callflowrules.support.ServiceTest;

/** Concurrent writes on the embedded store. */
@ServiceTest
class H2ConcurrentWritesTest extends ConcurrentWritesContract {}
