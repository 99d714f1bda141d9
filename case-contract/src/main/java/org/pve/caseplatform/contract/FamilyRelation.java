package org.pve.caseplatform.contract;

/** How a member of a family group relates to the family's young person or people. */
public enum FamilyRelation {
    SIBLING, PARENT, GUARDIAN, CHILD, OTHER_RELATIVE
}
