package org.pve.caseplatform.referral.command;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.ErasureReason;
import org.pve.caseplatform.contract.RectifiableField;
import org.pve.caseplatform.contract.referral.IdentityRevealed;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.PersonalDataRectified;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.referral.api.ErasePersonalData;
import org.pve.caseplatform.referral.api.RectifyPersonalData;
import org.pve.caseplatform.referral.api.RevealIdentity;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.web.InvalidRequest;

/** The person's rights on the referral: a justified reveal, erasure recorded once, rectification. */
class PersonalDataRightsTest {

    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000004a1");
    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000004c1");
    private static final String DISTRICT = "de-by-muenchen";
    private static final String SUBJECT = "sub-4";
    private static final EncryptedValue IDENTITY = EncryptedValue.of(SUBJECT, "aXY=", "Y2lwaGVy");
    private static final EncryptedValue CONCERN = EncryptedValue.of(SUBJECT, "aXY=", "Y29uY2Vybg==");
    private static final EncryptedValue CORRECTED = EncryptedValue.of(SUBJECT, "aXY=", "Y29ycmVjdGVk");
    private static final String JUSTIFICATION = "Imminent risk of violence reported by the school";

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
    }

    @Test
    void aJustifiedRevealIsRecordedForTheOnePersonItWasMadeTo() {
        fixture.given(received(IDENTITY))
                .when(new RevealIdentity(REFERRAL, "police-screener-police", "POLICE_SCREENER", Agency.POLICE,
                        JUSTIFICATION))
                .expectEvents(new IdentityRevealed(CASE, DISTRICT, fixture.currentTime(), REFERRAL, SUBJECT,
                        "police-screener-police", "POLICE_SCREENER", Agency.POLICE, JUSTIFICATION));
    }

    @Test
    void aRevealWithoutAMeaningfulJustificationIsRefused() {
        fixture.given(received(IDENTITY))
                .when(new RevealIdentity(REFERRAL, "police-screener-police", "POLICE_SCREENER", Agency.POLICE,
                        "   because   "))
                .expectException(InvalidRequest.class)
                .expectNoEvents();
    }

    @Test
    void aReferralWithoutASubjectHasNoIdentityToReveal() {
        fixture.given(received(null))
                .when(new RevealIdentity(REFERRAL, "police-screener-police", "POLICE_SCREENER", Agency.POLICE,
                        JUSTIFICATION))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anErasedIdentityCannotBeRevealedAnyMore() {
        fixture.given(received(IDENTITY), erased())
                .when(new RevealIdentity(REFERRAL, "police-screener-police", "POLICE_SCREENER", Agency.POLICE,
                        JUSTIFICATION))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anErasureIsRecordedOnceWithItsReasonAndKey() {
        fixture.given(received(IDENTITY))
                .when(new ErasePersonalData(REFERRAL, SUBJECT, ErasureReason.ERASURE_REQUEST, "dpo-1"))
                .expectEvents(erased());
    }

    @Test
    void aSecondErasureChangesNothing() {
        fixture.given(received(IDENTITY), erased())
                .when(new ErasePersonalData(REFERRAL, SUBJECT, ErasureReason.RETENTION_EXPIRED,
                        RetentionPoller.ERASED_BY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRectifiedConcernTravelsEncryptedWithItsReason() {
        fixture.given(received(IDENTITY))
                .when(new RectifyPersonalData(REFERRAL, RectifiableField.CONCERN_SUMMARY, CORRECTED,
                        "The school named the wrong class", "dpo-1"))
                .expectEvents(new PersonalDataRectified(CASE, DISTRICT, fixture.currentTime(), REFERRAL,
                        RectifiableField.CONCERN_SUMMARY, CORRECTED, "The school named the wrong class", "dpo-1"));
    }

    @Test
    void erasedDataCannotBeRectified() {
        fixture.given(received(IDENTITY), erased())
                .when(new RectifyPersonalData(REFERRAL, RectifiableField.CONCERN_SUMMARY, CORRECTED, "late", "dpo-1"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anIdentityCannotBeRectifiedOnAReferralAboutNobodyKnown() {
        fixture.given(received(null))
                .when(new RectifyPersonalData(REFERRAL, RectifiableField.SUBJECT_IDENTITY, CORRECTED, "typo",
                        "dpo-1"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    private static ReferralReceived received(EncryptedValue identity) {
        return new ReferralReceived(CASE, DISTRICT, Instant.parse("2030-01-01T09:00:00Z"), REFERRAL, "09162",
                Channel.AGENCY, Agency.EDUCATION, null, identity == null ? null : SUBJECT, identity, AgeBand.AGE_16_17,
                List.of(ConcernCategory.ISLAMIST), CONCERN);
    }

    private PersonalDataErased erased() {
        return new PersonalDataErased(CASE, DISTRICT, fixture.currentTime(), SUBJECT, SUBJECT,
                ErasureReason.ERASURE_REQUEST, "dpo-1");
    }
}
