package org.pve.caseplatform.support.crypto;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The key store and pseudonym secret, both supplied by configuration (never by the repository). */
@AutoConfiguration(after = MongoAutoConfiguration.class)
public class CryptoConfiguration {

    @Bean
    public PersonalDataVault personalDataVault(MongoClient client,
                                               @Value("${platform.keystore.database:keystore}") String database,
                                               @Value("${platform.keystore.master-key:}") String masterKey) {
        return new PersonalDataVault(client.getDatabase(database).getCollection("subjectKeys"),
                decode("platform.keystore.master-key (PLATFORM_KEYSTORE_MASTERKEY)", masterKey), Clock.systemUTC());
    }

    @Bean
    public Pseudonymiser pseudonymiser(@Value("${platform.pseudonym.secret:}") String secret) {
        return new Pseudonymiser(decode("platform.pseudonym.secret (PLATFORM_PSEUDONYM_SECRET)", secret));
    }

    private static byte[] decode(String name, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(name + " is not set: supply base64 of 32 random bytes");
        }
        return Base64.getDecoder().decode(base64.trim());
    }
}
