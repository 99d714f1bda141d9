package org.pve.caseplatform.plan.query.family;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.FamilyMember;
import org.pve.caseplatform.contract.FamilyRelation;
import org.pve.caseplatform.contract.referral.CaseAddedToFamily;
import org.pve.caseplatform.contract.referral.FamilyGroupFormed;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.testing.TestInfrastructure;

class FamilyGroupProjectionTest {

    private static MongoClient client;

    private final UUID familyId = UUID.randomUUID();
    private final UUID sister = UUID.randomUUID();
    private final UUID brother = UUID.randomUUID();
    private final UUID mother = UUID.randomUUID();
    private FamilyGroupProjection families;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void projection() {
        families = new FamilyGroupProjection(new ServiceDatabase(client.getDatabase("families-" + UUID.randomUUID())));
    }

    @Test
    void aFormedFamilyListsItsMembersRelationsAndDistrict() {
        families.on(formed());

        FamilyGroup family = families.find(familyId).orElseThrow();

        assertThat(family.districtId()).isEqualTo("uk-luton");
        assertThat(family.members()).containsExactlyInAnyOrder(
                new FamilyGroup.Member(sister, FamilyRelation.SIBLING),
                new FamilyGroup.Member(brother, FamilyRelation.SIBLING));
    }

    @Test
    void anAddedCaseJoinsTheFamilyWhicheverEventArrivesFirst() {
        families.on(added());
        families.on(formed());

        FamilyGroup family = families.find(familyId).orElseThrow();

        assertThat(family.districtId()).isEqualTo("uk-luton");
        assertThat(family.members()).extracting(FamilyGroup.Member::caseId)
                .containsExactlyInAnyOrder(sister, brother, mother);
        assertThat(family.members()).contains(new FamilyGroup.Member(mother, FamilyRelation.PARENT));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        families.on(formed());
        families.on(added());
        FamilyGroup once = families.find(familyId).orElseThrow();

        families.on(formed());
        families.on(added());
        families.on(formed());

        assertThat(families.find(familyId)).contains(once);
        assertThat(once.members()).hasSize(3);
    }

    @Test
    void anUnknownFamilyIsNotFound() {
        assertThat(families.find(UUID.randomUUID())).isEmpty();
    }

    private FamilyGroupFormed formed() {
        return new FamilyGroupFormed(sister, "uk-luton", Instant.parse("2030-05-01T10:00:00Z"), familyId,
                List.of(new FamilyMember(sister, FamilyRelation.SIBLING),
                        new FamilyMember(brother, FamilyRelation.SIBLING)), "screener-anna");
    }

    private CaseAddedToFamily added() {
        return new CaseAddedToFamily(mother, "uk-luton", Instant.parse("2030-05-02T10:00:00Z"), familyId,
                FamilyRelation.PARENT, "owner-lene");
    }
}
