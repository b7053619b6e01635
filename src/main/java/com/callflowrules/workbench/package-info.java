/**
 * The rule workbench: a page for analysts and approvers, served by the service at
 * {@code /workbench/}. It is static files over the public HTTP API (no endpoint of its own), so
 * the API stays the product's contract and the page holds no data until a user signs in.
 */
package com.callflowrules.workbench;
