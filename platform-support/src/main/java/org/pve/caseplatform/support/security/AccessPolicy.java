package org.pve.caseplatform.support.security;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.web.InvalidRequest;

/**
 * Decides who may do and see what, for every service: a role that may never send an operation is refused (403);
 * a record outside the caller's reach is answered exactly as a missing one (404); a sealed record exists only for
 * the police; a case-detail read states a purpose the caller's role may use, and never prosecution.
 */
public class AccessPolicy {

    /** The request header that states why case detail is read. */
    public static final String PURPOSE_HEADER = "X-Purpose";

    private static final Map<Role, Set<AccessPurpose>> PURPOSES = new EnumMap<>(Role.class);

    static {
        PURPOSES.put(Role.REFERRER, EnumSet.of(AccessPurpose.SAFEGUARDING));
        PURPOSES.put(Role.POLICE_SCREENER, EnumSet.of(AccessPurpose.SCREENING, AccessPurpose.SAFEGUARDING));
        PURPOSES.put(Role.PANEL_MEMBER, EnumSet.of(AccessPurpose.ASSESSMENT, AccessPurpose.SAFEGUARDING));
        PURPOSES.put(Role.CASE_OWNER, EnumSet.of(AccessPurpose.CASE_MANAGEMENT, AccessPurpose.SAFEGUARDING));
        PURPOSES.put(Role.PROVIDER, EnumSet.of(AccessPurpose.SERVICE_DELIVERY));
        PURPOSES.put(Role.NETWORK_MEMBER, EnumSet.noneOf(AccessPurpose.class));
        PURPOSES.put(Role.ANALYST, EnumSet.of(AccessPurpose.RESEARCH));
        PURPOSES.put(Role.OPERATOR, EnumSet.noneOf(AccessPurpose.class));
        PURPOSES.put(Role.AUDITOR, EnumSet.of(AccessPurpose.AUDIT));
        PURPOSES.put(Role.DATA_PROTECTION_OFFICER, EnumSet.of(AccessPurpose.DATA_PROTECTION, AccessPurpose.AUDIT));
    }

    /** The purposes a role may state when it reads case detail. */
    public static Set<AccessPurpose> purposesOf(Role role) {
        return Set.copyOf(PURPOSES.get(role));
    }

    /** 403 unless the caller's role may send the operation at all; a token-less caller only where anonymous is allowed. */
    public void require(Caller caller, Operation operation) {
        if (caller.isAnonymous()) {
            if (!operation.allowsAnonymous()) {
                throw new Forbidden("this operation needs a signed-in caller");
            }
            return;
        }
        if (operation.reachOf(caller.role()).isEmpty()) {
            throw new Forbidden("the role " + caller.role() + " may not " + describe(operation));
        }
    }

    /** Whether the record is within the caller's reach for the operation (a role check is assumed done). */
    public boolean inScope(Caller caller, Operation operation, RecordScope record) {
        if (caller.isAnonymous()) {
            return operation.allowsAnonymous();
        }
        if (record.sealed() && !caller.isPolice()) {
            return false;
        }
        Reach reach = operation.reachOf(caller.role()).orElse(null);
        if (reach == null || !caller.worksIn(record.districtId())) {
            return false;
        }
        return switch (reach) {
            case DISTRICT -> true;
            case AGENCY -> record.agencies().contains(caller.agency());
            case PROVIDER -> caller.providerId() != null && caller.providerId().equals(record.providerId());
        };
    }

    /** 404, exactly as for a record that does not exist, unless the record is within the caller's reach. */
    public void requireInScope(Caller caller, Operation operation, String recordId, RecordScope record) {
        if (!inScope(caller, operation, record)) {
            throw new UnknownRecord(recordId);
        }
    }

    /** 404 unless the caller works in the district an operation names (a queue, a cohort, a replay). */
    public void requireDistrict(Caller caller, String districtId) {
        if (!caller.isAnonymous() && !caller.worksIn(districtId)) {
            throw new UnknownRecord(districtId);
        }
    }

    /**
     * The purpose stated for a case-detail read: 400 when missing or unknown, 403 for prosecution (never served
     * from the preventive track) and for a purpose the caller's role may not use.
     */
    public AccessPurpose requirePurpose(Caller caller, Operation operation, String stated) {
        if (!operation.readsCaseDetail()) {
            throw new IllegalArgumentException(operation + " does not read case detail");
        }
        if (stated == null || stated.isBlank()) {
            throw new InvalidRequest(PURPOSE_HEADER, "is required to read case detail: one of "
                    + purposesOf(caller.role()));
        }
        AccessPurpose purpose;
        try {
            purpose = AccessPurpose.valueOf(stated.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(PURPOSE_HEADER, "must be one of " + Arrays.toString(AccessPurpose.values()));
        }
        if (purpose == AccessPurpose.PROSECUTION) {
            throw new Forbidden(PURPOSE_HEADER, "no read for prosecution is served from the preventive track");
        }
        if (!PURPOSES.get(caller.role()).contains(purpose)) {
            throw new Forbidden(PURPOSE_HEADER,
                    "the role " + caller.role() + " may not read case detail for " + purpose);
        }
        return purpose;
    }

    private static String describe(Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
