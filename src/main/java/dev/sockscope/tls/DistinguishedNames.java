package dev.sockscope.tls;

import java.util.ArrayList;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The common names (CN) in an X.500 name, parsed properly (escaped commas and all), as written. */
final class DistinguishedNames {
    private DistinguishedNames() {
    }

    /** Every CN of {@code dn} in order; empty when it has none or does not parse. */
    static List<String> commonNames(String dn) {
        List<String> out = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    out.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return out;
        }
        return out;
    }
}
