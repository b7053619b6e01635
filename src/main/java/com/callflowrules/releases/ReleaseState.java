package com.callflowrules.releases;

import com.callflowrules.facts.Spelled;

/** Where a release is in its life; each step is recorded ({@link ReleaseStep}). */
public enum ReleaseState implements Spelled {
    /** Made, not yet checked (only ever seen in a release's history). */
    DRAFT,
    /** Built clean and passed every check and scenario: it may be approved. */
    CHECKED,
    /** Failed a check; its messages say why. Amend it into a new draft. */
    REFUSED,
    /** An approver accepted it: it may be published. */
    APPROVED,
    /** The one every node runs. */
    PUBLISHED,
    /** Was published, replaced by another; publishing it again is a rollback. */
    RETIRED;
}
