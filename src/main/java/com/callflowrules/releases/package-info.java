/**
 * Rule releases: immutable snapshots of a whole rule base kept in the store the nodes share, their
 * life (draft, checked or refused, approved, published, retired), who made each step, and every
 * node following the one published release. Files are a way in and out, not the source of truth.
 */
@NullMarked
package com.callflowrules.releases;

import org.jspecify.annotations.NullMarked;
