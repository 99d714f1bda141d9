package org.pve.caseplatform.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.web.InvalidRequest;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();
    private final Caller screener = caller(Role.POLICE_SCREENER, Agency.POLICE, "dk-fyn");
    private final Caller panelHealth = caller(Role.PANEL_MEMBER, Agency.HEALTH, "dk-fyn");
    private final Caller provider = new Caller("p1", Role.PROVIDER, Agency.NGO, Set.of("dk-fyn"), "ngo-a");
    private final Caller dpo = caller(Role.DATA_PROTECTION_OFFICER, Agency.SOCIAL_SERVICES, Caller.ALL_DISTRICTS);

    @Test
    void aRoleThatMayNeverSendAnOperationIsForbidden() {
        assertThatThrownBy(() -> policy.require(panelHealth, Operation.SCREEN_REFERRAL))
                .isInstanceOf(Forbidden.class);
        policy.require(screener, Operation.SCREEN_REFERRAL);
    }

    @Test
    void theAnonymousPublicMaySubmitAReferralAndNothingElse() {
        policy.require(Caller.anonymous(), Operation.SUBMIT_REFERRAL);
        assertThatThrownBy(() -> policy.require(Caller.anonymous(), Operation.VIEW_REFERRAL))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aRecordOfAnotherDistrictIsAnsweredAsMissing() {
        RecordScope elsewhere = RecordScope.district("fr-01");
        assertThatThrownBy(() -> policy.requireInScope(screener, Operation.VIEW_REFERRAL, "r1", elsewhere))
                .isInstanceOf(UnknownRecord.class);
        assertThat(policy.inScope(dpo, Operation.VIEW_REFERRAL, elsewhere)).isTrue();
    }

    @Test
    void anAgencyReachSeesOnlyRecordsOfTheCallersAgency() {
        RecordScope panel = RecordScope.of("dk-fyn", Set.of(Agency.POLICE, Agency.SOCIAL_SERVICES));
        assertThat(policy.inScope(panelHealth, Operation.VIEW_ASSESSMENT, panel)).isFalse();
        Caller panelSocial = caller(Role.PANEL_MEMBER, Agency.SOCIAL_SERVICES, "dk-fyn");
        assertThat(policy.inScope(panelSocial, Operation.VIEW_ASSESSMENT, panel)).isTrue();
    }

    @Test
    void aProviderSeesOnlyItsOwnCommissions() {
        RecordScope own = RecordScope.district("dk-fyn").provider("ngo-a");
        RecordScope other = RecordScope.district("dk-fyn").provider("ngo-b");
        assertThat(policy.inScope(provider, Operation.VIEW_COMMISSION, own)).isTrue();
        assertThat(policy.inScope(provider, Operation.VIEW_COMMISSION, other)).isFalse();
    }

    @Test
    void aSealedRecordExistsOnlyForThePolice() {
        RecordScope sealed = RecordScope.district("dk-fyn").sealed(true);
        assertThat(policy.inScope(screener, Operation.VIEW_REFERRAL, sealed)).isTrue();
        assertThat(policy.inScope(dpo, Operation.VIEW_REFERRAL, sealed)).isFalse();
    }

    @Test
    void aCaseDetailReadNeedsAPurposeTheRoleMayUseAndNeverProsecution() {
        assertThat(policy.requirePurpose(screener, Operation.VIEW_REFERRAL, "screening"))
                .isEqualTo(AccessPurpose.SCREENING);
        assertThatThrownBy(() -> policy.requirePurpose(screener, Operation.VIEW_REFERRAL, null))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> policy.requirePurpose(screener, Operation.VIEW_REFERRAL, "GOSSIP"))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> policy.requirePurpose(screener, Operation.VIEW_REFERRAL, "RESEARCH"))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> policy.requirePurpose(dpo, Operation.VIEW_REFERRAL, "PROSECUTION"))
                .isInstanceOf(Forbidden.class).hasMessageContaining("prosecution");
    }

    @Test
    void noRoleMayStateProsecution() {
        for (Role role : Role.values()) {
            assertThat(AccessPolicy.purposesOf(role)).doesNotContain(AccessPurpose.PROSECUTION);
        }
    }

    @Test
    void aCallerMayNotActInAnothersName() {
        assertThat(screener.actingAs("screenedBy", null)).isEqualTo("u");
        assertThatThrownBy(() -> screener.actingAs("screenedBy", "someone-else"))
                .isInstanceOf(InvalidRequest.class);
    }

    private static Caller caller(Role role, Agency agency, String district) {
        return new Caller("u", role, agency, Set.of(district), null);
    }
}
