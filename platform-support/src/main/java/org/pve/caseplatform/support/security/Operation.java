package org.pve.caseplatform.support.security;

import static org.pve.caseplatform.support.security.Reach.AGENCY;
import static org.pve.caseplatform.support.security.Reach.DISTRICT;
import static org.pve.caseplatform.support.security.Role.ANALYST;
import static org.pve.caseplatform.support.security.Role.AUDITOR;
import static org.pve.caseplatform.support.security.Role.CASE_OWNER;
import static org.pve.caseplatform.support.security.Role.DATA_PROTECTION_OFFICER;
import static org.pve.caseplatform.support.security.Role.NETWORK_MEMBER;
import static org.pve.caseplatform.support.security.Role.OPERATOR;
import static org.pve.caseplatform.support.security.Role.PANEL_MEMBER;
import static org.pve.caseplatform.support.security.Role.POLICE_SCREENER;
import static org.pve.caseplatform.support.security.Role.PROVIDER;
import static org.pve.caseplatform.support.security.Role.REFERRER;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation the services offer, with the roles that may send it and how far each reaches: the access
 * policy of the platform, written once. docs/security/access-matrix.md lays it out per endpoint, and a test keeps
 * the two equal. A case-detail read must state its purpose and is written to the access log.
 */
public enum Operation {

    // referral-service
    SUBMIT_REFERRAL(Kind.COMMAND_ALLOWING_ANONYMOUS, roles()
            .to(REFERRER, DISTRICT).to(POLICE_SCREENER, DISTRICT).to(PANEL_MEMBER, DISTRICT).to(CASE_OWNER, DISTRICT)
            .to(PROVIDER, DISTRICT)),
    VIEW_REFERRAL(Kind.CASE_DETAIL, roles()
            .to(REFERRER, AGENCY).to(POLICE_SCREENER, DISTRICT).to(CASE_OWNER, AGENCY)
            .to(DATA_PROTECTION_OFFICER, DISTRICT)),
    SCREEN_REFERRAL(Kind.COMMAND, roles().to(POLICE_SCREENER, DISTRICT)),
    RETURN_FROM_SECURITY(Kind.COMMAND, roles().to(POLICE_SCREENER, DISTRICT)),
    DECIDE_MATCH(Kind.COMMAND, roles().to(POLICE_SCREENER, DISTRICT)),
    VIEW_SCREENING_QUEUE(Kind.LIST, roles().to(POLICE_SCREENER, DISTRICT)),
    ASK_KNOWN_TO(Kind.LIST, roles().to(POLICE_SCREENER, DISTRICT).to(PANEL_MEMBER, DISTRICT)
            .to(CASE_OWNER, DISTRICT)),
    MANAGE_FAMILY(Kind.COMMAND, roles().to(POLICE_SCREENER, DISTRICT).to(CASE_OWNER, DISTRICT)),
    VIEW_FAMILY(Kind.CASE_DETAIL, roles().to(POLICE_SCREENER, DISTRICT).to(CASE_OWNER, DISTRICT)),
    REVEAL_IDENTITY(Kind.COMMAND, roles().to(POLICE_SCREENER, DISTRICT).to(CASE_OWNER, AGENCY)),
    RECTIFY_PERSONAL_DATA(Kind.COMMAND, roles().to(DATA_PROTECTION_OFFICER, DISTRICT)),
    ERASE_PERSONAL_DATA(Kind.COMMAND, roles().to(DATA_PROTECTION_OFFICER, DISTRICT)),

    // assessment-service
    VIEW_ASSESSMENT(Kind.CASE_DETAIL, roles().to(PANEL_MEMBER, AGENCY).to(CASE_OWNER, AGENCY)
            .to(DATA_PROTECTION_OFFICER, DISTRICT)),
    CONTRIBUTE_TO_ASSESSMENT(Kind.COMMAND, roles().to(PANEL_MEMBER, AGENCY)),
    RECORD_CONFIDENTIALITY_AGREEMENT(Kind.COMMAND, roles().to(PANEL_MEMBER, AGENCY)),
    EXPIRE_CONFIDENTIALITY_AGREEMENT(Kind.COMMAND, roles().to(PANEL_MEMBER, AGENCY)
            .to(DATA_PROTECTION_OFFICER, DISTRICT)),
    SCHEDULE_PANEL_MEETING(Kind.COMMAND, roles().to(PANEL_MEMBER, DISTRICT).to(CASE_OWNER, DISTRICT)),
    VIEW_PANEL_MEETING(Kind.LIST, roles().to(PANEL_MEMBER, DISTRICT).to(CASE_OWNER, DISTRICT)),
    /** A case's pre-read for a meeting: only the meeting's attendees reach it, whatever the grant says. */
    VIEW_MEETING_PRE_READ(Kind.CASE_DETAIL, roles().to(PANEL_MEMBER, DISTRICT).to(CASE_OWNER, DISTRICT)),
    /** Only the meeting's attendees may record its decisions, whatever the grant says. */
    RECORD_PANEL_DECISION(Kind.COMMAND, roles().to(PANEL_MEMBER, DISTRICT).to(CASE_OWNER, DISTRICT)),

    // plan-service
    VIEW_PLAN(Kind.CASE_DETAIL, roles().to(CASE_OWNER, AGENCY).to(DATA_PROTECTION_OFFICER, DISTRICT)),
    MANAGE_PLAN(Kind.COMMAND, roles().to(CASE_OWNER, AGENCY)),
    VIEW_COMMISSION(Kind.CASE_DETAIL, roles().to(PROVIDER, Reach.PROVIDER).to(CASE_OWNER, AGENCY)
            .to(DATA_PROTECTION_OFFICER, DISTRICT)),
    DELIVER_SERVICE(Kind.COMMAND, roles().to(PROVIDER, Reach.PROVIDER)),
    VIEW_PROVIDER_REGISTRY(Kind.LIST, roles().to(CASE_OWNER, DISTRICT).to(PANEL_MEMBER, DISTRICT)),
    VIEW_PROVIDER_WORKLIST(Kind.CASE_DETAIL, roles().to(PROVIDER, Reach.PROVIDER)
            .to(DATA_PROTECTION_OFFICER, DISTRICT)),
    VIEW_FAMILY_WORKBOOK(Kind.CASE_DETAIL, roles().to(CASE_OWNER, DISTRICT).to(DATA_PROTECTION_OFFICER, DISTRICT)),

    // audit-service
    VIEW_CASE_HISTORY(Kind.CASE_DETAIL, roles().to(AUDITOR, DISTRICT).to(DATA_PROTECTION_OFFICER, DISTRICT)
            .to(ANALYST, DISTRICT)),
    VERIFY_LEDGER(Kind.LIST, roles().to(AUDITOR, DISTRICT).to(DATA_PROTECTION_OFFICER, DISTRICT)),
    VIEW_COHORTS(Kind.LIST, roles().to(ANALYST, DISTRICT).to(NETWORK_MEMBER, DISTRICT).to(OPERATOR, DISTRICT)
            .to(AUDITOR, DISTRICT).to(DATA_PROTECTION_OFFICER, DISTRICT)),
    RUN_REPLAY(Kind.COMMAND, roles().to(ANALYST, DISTRICT).to(AUDITOR, DISTRICT)),
    EXPORT_SUBJECT_DATA(Kind.CASE_DETAIL, roles().to(DATA_PROTECTION_OFFICER, DISTRICT)),

    // every service with consumers (platform-support): cases parked after a poison message
    LIST_PARKED_SEQUENCES(Kind.LIST, roles().to(OPERATOR, DISTRICT)),
    RETRY_PARKED_SEQUENCE(Kind.COMMAND, roles().to(OPERATOR, DISTRICT));

    /** What an operation does with case data, which decides whether it needs a purpose and an access-log entry. */
    public enum Kind {
        /** Changes a record; the role check and the record's scope apply. */
        COMMAND,
        /** A command the public may also send without a token (a helpline or online-form referral). */
        COMMAND_ALLOWING_ANONYMOUS,
        /** Reads a case's detail: states a purpose and is written to the access log. */
        CASE_DETAIL,
        /** Reads lists, aggregates or checks without a case's detail. */
        LIST
    }

    private final Kind kind;
    private final Map<Role, Reach> grants;

    Operation(Kind kind, Grants grants) {
        this.kind = kind;
        this.grants = Collections.unmodifiableMap(grants.byRole);
    }

    public Kind kind() {
        return kind;
    }

    public boolean readsCaseDetail() {
        return kind == Kind.CASE_DETAIL;
    }

    public boolean allowsAnonymous() {
        return kind == Kind.COMMAND_ALLOWING_ANONYMOUS;
    }

    /** How far the role reaches with this operation; empty when the role may never send it. */
    public Optional<Reach> reachOf(Role role) {
        return Optional.ofNullable(grants.get(role));
    }

    public Map<Role, Reach> grants() {
        return grants;
    }

    private static Grants roles() {
        return new Grants();
    }

    private static final class Grants {
        private final Map<Role, Reach> byRole = new EnumMap<>(Role.class);

        Grants to(Role role, Reach reach) {
            byRole.put(role, reach);
            return this;
        }
    }
}
