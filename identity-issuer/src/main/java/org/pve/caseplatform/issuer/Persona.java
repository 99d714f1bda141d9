package org.pve.caseplatform.issuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An invented demo user of the platform: one row of the personas CSV, and the claims its tokens carry. */
public record Persona(String id, String role, String agency, List<String> districts, String provider, String name) {

    public Persona {
        districts = List.copyOf(districts);
    }

    /** The platform claims besides {@code sub}: role, agency, districts, provider (only when set) and name. */
    Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("role", role);
        claims.put("agency", agency);
        claims.put("districts", districts);
        if (provider != null) {
            claims.put("provider", provider);
        }
        claims.put("name", name);
        return claims;
    }
}
