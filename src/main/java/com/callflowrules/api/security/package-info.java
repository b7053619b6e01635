/** Who may call the API: HTTP Basic users with hashed passwords, and the role each write needs. */
package com.callflowrules.api.security;
